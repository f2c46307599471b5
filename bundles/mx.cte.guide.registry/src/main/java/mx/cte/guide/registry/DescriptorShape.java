package mx.cte.guide.registry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.cte.guide.api.GuideProblem;

/**
 * Brings a descriptor that its schema accepted to the one shape the model is read from, whatever format it was written
 * in. Format 1 is migrated: its single participation and product become lists of one, its activity number is both key
 * and printed label. Format 2 keeps what the author wrote and resolves each activity's key: the printed number when
 * that is a whole number, else the explicit {@code key} the author must then give.
 */
final class DescriptorShape {

    private final List<GuideProblem> problems = new ArrayList<>();

    private DescriptorShape() {
    }

    /** The model's shape of a valid format-1 descriptor. */
    static JsonObject fromFormat1(JsonObject descriptor) {
        JsonObject shaped = descriptor.deepCopy();
        forEachActivity(shaped, (activity, path) -> {
            JsonArray participations = new JsonArray();
            participations.add(activity.remove("participation"));
            activity.add("participations", participations);
            JsonArray products = new JsonArray();
            if (activity.has("product")) {
                products.add(activity.remove("product"));
            }
            activity.add("products", products);
            activity.addProperty("label", String.valueOf(activity.get("number").getAsInt()));
        });
        return shaped;
    }

    /** The model's shape of a valid format-2 descriptor, or the activities whose key cannot be known. */
    static Shaped fromFormat2(JsonObject descriptor) {
        DescriptorShape shape = new DescriptorShape();
        JsonObject shaped = descriptor.deepCopy();
        JsonObject id = shaped.getAsJsonObject("id");
        id.addProperty("level", withoutAccents(id.get("level").getAsString()));
        if (shaped.has("modalities")) {
            JsonArray modalities = new JsonArray();
            shaped.getAsJsonArray("modalities").forEach(m -> {
                JsonPrimitive modality = new JsonPrimitive(withoutAccents(m.getAsString()));
                if (!modalities.contains(modality)) {
                    modalities.add(modality);
                }
            });
            shaped.add("modalities", modalities);
        }
        forEachActivity(shaped, shape::keyActivity);
        return new Shaped(shaped, shape.problems);
    }

    record Shaped(JsonObject descriptor, List<GuideProblem> problems) {
    }

    /** The model's shape of a valid overlay: the activities it adds or puts in place are keyed as in a guide. */
    static Shaped fromOverlay(JsonObject descriptor) {
        DescriptorShape shape = new DescriptorShape();
        JsonObject shaped = descriptor.deepCopy();
        JsonObject base = shaped.getAsJsonObject("base");
        base.addProperty("level", withoutAccents(base.get("level").getAsString()));
        JsonArray changes = shaped.getAsJsonArray("changes");
        for (int i = 0; i < changes.size(); i++) {
            JsonObject change = changes.get(i).getAsJsonObject();
            String path = "$.changes[" + i + "]";
            if (change.has("activity")) {
                shape.keyActivity(change.getAsJsonObject("activity"), path + ".activity");
            }
            if (change.has("section")) {
                visitSection(change.getAsJsonObject("section"), path + ".section", shape::keyActivity);
            }
        }
        return new Shaped(shaped, shape.problems);
    }

    private void keyActivity(JsonObject activity, String path) {
        JsonElement printed = activity.remove("number");
        String label = printed == null ? "" : printed.getAsString().trim();
        JsonElement key = activity.remove("key");
        if (key != null) {
            activity.addProperty("number", key.getAsInt());
        } else if (!label.isEmpty() && label.chars().allMatch(Character::isDigit) && label.length() < 10
                && Integer.parseInt(label) > 0) {
            activity.addProperty("number", Integer.parseInt(label));
        } else {
            String which = label.isEmpty() ? "una actividad sin número" : "la actividad «" + label + "»";
            problems.add(new GuideProblem(path + (printed == null ? "" : ".number"), which
                    + " necesita una clave: escriba \"key\" con un entero que ninguna otra actividad de la guía use"
                    + " (su trabajo se guarda con esa clave, así que no la cambie entre ediciones)"));
            activity.addProperty("number", 0);
        }
        activity.addProperty("label", label);
    }

    /** "básica" and "indígena" as an author writes them; the key and the matching against schools use no accents. */
    static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private interface ActivityVisitor {
        void visit(JsonObject activity, String path);
    }

    private static void forEachActivity(JsonObject descriptor, ActivityVisitor visitor) {
        JsonArray sections = descriptor.getAsJsonArray("sections");
        for (int i = 0; i < sections.size(); i++) {
            visitSection(sections.get(i).getAsJsonObject(), "$.sections[" + i + "]", visitor);
        }
    }

    private static void visitSection(JsonObject section, String path, ActivityVisitor visitor) {
        if (section.has("activities")) {
            JsonArray activities = section.getAsJsonArray("activities");
            for (int i = 0; i < activities.size(); i++) {
                visitor.visit(activities.get(i).getAsJsonObject(), path + ".activities[" + i + "]");
            }
        }
        if (section.has("sections")) {
            JsonArray sections = section.getAsJsonArray("sections");
            for (int i = 0; i < sections.size(); i++) {
                visitSection(sections.get(i).getAsJsonObject(), path + ".sections[" + i + "]", visitor);
            }
        }
    }
}
