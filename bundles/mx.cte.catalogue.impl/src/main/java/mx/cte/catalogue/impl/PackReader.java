package mx.cte.catalogue.impl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;

/**
 * Reads a pack descriptor ({@code pack.json}) and says everything wrong with it, each problem at its JSON path, so a
 * publisher fixes the descriptor in one go. A pack is all or nothing: one bad entry refuses the pack.
 *
 * <pre>{"key": "sep-preescolar", "title": "…", "publisher": "SEP", "version": "1.0.0",
 *  "resources": [{"key": "…", "title": "…", "kind": "libro", "author": "…", "location": "…",
 *                 "description": "…", "grades": [1, 2, 3], "areas": ["Lenguaje oral"]}]}</pre>
 */
final class PackReader {

    static final String KEY = "[a-z0-9][a-z0-9-]{0,79}";
    static final int MAX_ENTRIES = 10_000;

    /** The pack, or the problems that refuse it. */
    record Outcome(Pack pack, List<String> problems) {
    }

    private PackReader() {
    }

    static Outcome read(InputStream in) {
        List<String> problems = new ArrayList<>();
        JsonElement root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            JsonReader json = new JsonReader(reader);
            json.setStrictness(com.google.gson.Strictness.STRICT);
            root = JsonParser.parseReader(json);
        } catch (JsonParseException | java.io.IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String detail = String.valueOf(cause.getMessage());
            int hint = detail.indexOf("\nSee ");
            return new Outcome(null, List.of("$: no es JSON válido: " + (hint < 0 ? detail : detail.substring(0, hint))));
        }
        if (!root.isJsonObject()) {
            return new Outcome(null, List.of("$: el descriptor debe ser un objeto JSON"));
        }
        JsonObject object = root.getAsJsonObject();
        String key = text(object, "key", "$", 80, true, problems);
        if (!key.isEmpty() && !key.matches(KEY)) {
            problems.add("$.key: '" + key + "' debe ser minúsculas, dígitos y guiones, p. ej. sep-preescolar-2016");
        }
        String title = text(object, "title", "$", 300, true, problems);
        String publisher = text(object, "publisher", "$", 100, true, problems);
        String version = text(object, "version", "$", 40, true, problems);
        if (!version.isEmpty() && !version.matches("\\d+\\.\\d+\\.\\d+")) {
            problems.add("$.version: '" + version + "' debe tener la forma 1.0.0");
        }
        List<Pack.Entry> entries = new ArrayList<>();
        JsonElement resources = object.get("resources");
        if (resources == null || !resources.isJsonArray() || resources.getAsJsonArray().isEmpty()) {
            problems.add("$.resources: el paquete debe traer una lista de recursos, con uno al menos");
        } else if (resources.getAsJsonArray().size() > MAX_ENTRIES) {
            problems.add("$.resources: a lo más " + MAX_ENTRIES + " recursos por paquete");
        } else {
            Set<String> keys = new HashSet<>();
            JsonArray array = resources.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                String path = "$.resources[" + i + "]";
                if (!array.get(i).isJsonObject()) {
                    problems.add(path + ": cada recurso es un objeto");
                    continue;
                }
                Pack.Entry entry = entry(array.get(i).getAsJsonObject(), path, problems);
                if (entry != null && !keys.add(entry.key())) {
                    problems.add(path + ".key: '" + entry.key() + "' se repite en el paquete");
                }
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return problems.isEmpty() ? new Outcome(new Pack(key, title, publisher, version, entries), List.of())
                : new Outcome(null, problems);
    }

    private static Pack.Entry entry(JsonObject object, String path, List<String> problems) {
        int before = problems.size();
        String key = text(object, "key", path, 80, true, problems);
        if (!key.isEmpty() && !key.matches(KEY)) {
            problems.add(path + ".key: '" + key + "' debe ser minúsculas, dígitos y guiones");
        }
        String title = text(object, "title", path, 300, true, problems);
        ResourceKind kind = null;
        String kindText = text(object, "kind", path, 30, true, problems);
        if (!kindText.isEmpty()) {
            try {
                kind = ResourceKind.parse(kindText);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".kind: " + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            }
        }
        String author = text(object, "author", path, 300, false, problems);
        String location = text(object, "location", path, 1000, false, problems);
        String description = text(object, "description", path, 4000, false, problems);
        List<Integer> grades = new ArrayList<>();
        JsonElement gradeList = object.get("grades");
        if (gradeList != null && !gradeList.isJsonNull()) {
            if (!gradeList.isJsonArray()) {
                problems.add(path + ".grades: debe ser una lista de grados, p. ej. [1, 2, 3]");
            } else {
                for (JsonElement grade : gradeList.getAsJsonArray()) {
                    if (!grade.isJsonPrimitive() || !grade.getAsJsonPrimitive().isNumber()
                            || grade.getAsInt() < 1 || grade.getAsInt() > 6) {
                        problems.add(path + ".grades: " + grade + " no es un grado de 1 a 6");
                    } else {
                        grades.add(grade.getAsInt());
                    }
                }
            }
        }
        List<String> areas = new ArrayList<>();
        JsonElement areaList = object.get("areas");
        if (areaList != null && !areaList.isJsonNull()) {
            if (!areaList.isJsonArray()) {
                problems.add(path + ".areas: debe ser una lista de áreas, p. ej. [\"Lenguaje oral\"]");
            } else {
                for (JsonElement area : areaList.getAsJsonArray()) {
                    if (!area.isJsonPrimitive() || area.getAsString().isBlank() || area.getAsString().length() > 60) {
                        problems.add(path + ".areas: " + area + " no es un área (texto de 1 a 60 caracteres)");
                    } else {
                        areas.add(area.getAsString());
                    }
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Pack.Entry(key, new ResourceDraft(title, kind, author, location, description, grades, areas, "",
                false));
    }

    private static String text(JsonObject object, String member, String path, int max, boolean required,
            List<String> problems) {
        JsonElement value = object.get(member);
        if (value == null || value.isJsonNull()) {
            if (required) {
                problems.add(path + "." + member + ": falta");
            }
            return "";
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            problems.add(path + "." + member + ": debe ser texto");
            return "";
        }
        String text = value.getAsString().strip();
        if (required && text.isEmpty()) {
            problems.add(path + "." + member + ": está vacío");
        } else if (text.length() > max) {
            problems.add(path + "." + member + ": tiene " + text.length() + " caracteres; el máximo es " + max);
        }
        return text;
    }
}
