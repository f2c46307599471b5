package mx.cte.guide.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Test descriptors from {@code src/test/resources/descriptors}, optionally edited before use. */
final class Descriptors {

    private Descriptors() {
    }

    static String text(String name) {
        try (InputStream in = Descriptors.class.getResourceAsStream("/descriptors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test descriptor " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String edited(String name, Consumer<JsonObject> edit) {
        JsonObject json = JsonParser.parseString(text(name)).getAsJsonObject();
        edit.accept(json);
        return json.toString();
    }

    static JsonObject firstActivity(JsonObject guide) {
        return guide.getAsJsonArray("sections").get(0).getAsJsonObject()
                .getAsJsonArray("activities").get(0).getAsJsonObject();
    }

    static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
