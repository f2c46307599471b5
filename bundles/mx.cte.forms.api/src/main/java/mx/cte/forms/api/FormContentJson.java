package mx.cte.forms.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cte.core.api.errors.InvalidContentException;

/**
 * A {@link FormContent} in JSON, one shape for what is stored and what travels: {@code filas} (objects of texts),
 * {@code valores} (an object of texts), {@code respuestas} (objects with {@code nivel} and {@code comentario}).
 */
public final class FormContentJson {

    private FormContentJson() {
    }

    public static JsonObject write(FormContent content) {
        JsonObject json = new JsonObject();
        JsonArray rows = new JsonArray();
        content.rows().forEach(row -> rows.add(object(row)));
        json.add("filas", rows);
        json.add("valores", object(content.values()));
        JsonArray answers = new JsonArray();
        for (ItemAnswer answer : content.answers()) {
            JsonObject item = new JsonObject();
            item.addProperty("nivel", answer.level());
            item.addProperty("comentario", answer.comment());
            answers.add(item);
        }
        json.add("respuestas", answers);
        return json;
    }

    private static JsonObject object(Map<String, String> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }

    /**
     * Reads the three members, each optional; a number or yes/no is taken as written, null as empty.
     *
     * @throws InvalidContentException naming the member of the wrong shape ({@code filas[0]}, {@code valores.fecha})
     */
    public static FormContent read(JsonObject json) {
        List<Map<String, String>> rows = new ArrayList<>();
        JsonArray rowArray = array(json, "filas");
        for (int i = 0; i < rowArray.size(); i++) {
            rows.add(texts(rowArray.get(i), "filas[" + i + "]"));
        }
        JsonElement values = json.get("valores");
        List<ItemAnswer> answers = new ArrayList<>();
        JsonArray answerArray = array(json, "respuestas");
        for (int i = 0; i < answerArray.size(); i++) {
            Map<String, String> answer = texts(answerArray.get(i), "respuestas[" + i + "]");
            answers.add(new ItemAnswer(answer.get("nivel"), answer.get("comentario")));
        }
        return new FormContent(rows, values == null || values.isJsonNull() ? Map.of() : texts(values, "valores"),
                answers);
    }

    private static JsonArray array(JsonObject json, String member) {
        JsonElement element = json.get(member);
        if (element == null || element.isJsonNull()) {
            return new JsonArray();
        }
        if (!element.isJsonArray()) {
            throw InvalidContentException.of(member, "'" + member + "' es una lista");
        }
        return element.getAsJsonArray();
    }

    private static Map<String, String> texts(JsonElement element, String where) {
        if (!element.isJsonObject()) {
            throw InvalidContentException.of(where, "'" + where + "' es un objeto con un texto por campo");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
            JsonElement value = member.getValue();
            if (value.isJsonNull()) {
                texts.put(member.getKey(), "");
            } else if (value.isJsonPrimitive()) {
                texts.put(member.getKey(), value.getAsString());
            } else {
                String at = where + "." + member.getKey();
                throw InvalidContentException.of(at, "'" + at + "' es un texto");
            }
        }
        return texts;
    }
}
