package mx.cte.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads a module's editors start with, as the module declares them in its {@code ui-editor/lecturas.json}: per
 * product type (or {@code *} for its other types), API addresses with placeholders the session screen fills in
 * ({@code {escuela}}, {@code {periodo}}, {@code {sesion}}, {@code {actividad}}, {@code {tipo}}). The screen starts them
 * as soon as the guide says which editor is on screen, together with the editor's files, so on a slow link the
 * editor's data does not wait for its scripts (a round trip saved); {@code api()} in the shell takes each answer once.
 * A declaration that is wrong is left out, entry by entry, and each problem is told with where it is.
 */
final class FirstReads {

    static final String FILE = "lecturas.json";

    private static final Pattern TYPE = Pattern.compile("[a-z0-9-]+|\\*");
    private static final Pattern ADDRESS = Pattern.compile("/api/v1/[A-Za-z0-9._/{}?=&-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("escuela", "periodo", "sesion", "actividad", "tipo");

    private FirstReads() {
    }

    /**
     * The declared reads by type, in order; every problem (with the type and the position of the address it is in)
     * goes to {@code problems}, and only what is right is kept.
     */
    static Map<String, List<String>> parse(String json, Consumer<String> problems) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            problems.accept(FILE + " is not valid JSON: " + e.getMessage());
            return Map.of();
        }
        if (!root.isJsonObject()) {
            problems.accept(FILE + " must be an object of product types, each with a list of API addresses");
            return Map.of();
        }
        Map<String, List<String>> reads = new TreeMap<>();
        for (Map.Entry<String, JsonElement> entry : ((JsonObject) root).entrySet()) {
            String type = entry.getKey();
            if (!TYPE.matcher(type).matches()) {
                problems.accept(FILE + ": \"" + type + "\" is not a product type (a-z, 0-9 and '-') nor '*'");
                continue;
            }
            if (!entry.getValue().isJsonArray()) {
                problems.accept(FILE + ": \"" + type + "\" must be a list of API addresses");
                continue;
            }
            List<String> addresses = new ArrayList<>();
            JsonArray listed = entry.getValue().getAsJsonArray();
            for (int i = 0; i < listed.size(); i++) {
                String where = FILE + ": \"" + type + "\"[" + i + "]";
                JsonElement address = listed.get(i);
                if (!address.isJsonPrimitive() || !address.getAsJsonPrimitive().isString()) {
                    problems.accept(where + " must be a string");
                    continue;
                }
                problemWith(address.getAsString()).ifPresentOrElse(p -> problems.accept(where + " " + p),
                        () -> addresses.add(address.getAsString()));
            }
            if (!addresses.isEmpty()) {
                reads.put(type, Collections.unmodifiableList(addresses));
            }
        }
        return Collections.unmodifiableMap(reads);
    }

    private static Optional<String> problemWith(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.of("(" + address + ") must be a path below /api/v1/ of letters, digits and"
                    + " . _ / - ? = & { }");
        }
        Matcher placeholder = PLACEHOLDER.matcher(address);
        int end = 0;
        StringBuilder outside = new StringBuilder();
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                return Optional.of("(" + address + ") has {" + placeholder.group(1) + "}; known: "
                        + String.join(", ", new TreeSet<>(PLACEHOLDERS)));
            }
            outside.append(address, end, placeholder.start());
            end = placeholder.end();
        }
        outside.append(address.substring(end));
        if (outside.indexOf("{") >= 0 || outside.indexOf("}") >= 0) {
            return Optional.of("(" + address + ") has a brace that opens or closes no placeholder");
        }
        return Optional.empty();
    }
}
