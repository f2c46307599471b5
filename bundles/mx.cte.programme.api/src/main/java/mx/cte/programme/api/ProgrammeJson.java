package mx.cte.programme.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's content as JSON, with the wire's Spanish member names: how the API answers and how the module stores
 * it ({@code diagnostico}, {@code objetivos} with {@code metas}, {@code acciones}).
 */
public final class ProgrammeJson {

    private ProgrammeJson() {
    }

    public static JsonObject write(ProgrammeContent content) {
        JsonObject json = new JsonObject();
        JsonObject diagnosis = new JsonObject();
        content.diagnosis().forEach(diagnosis::addProperty);
        json.add("diagnostico", diagnosis);
        JsonArray objectives = new JsonArray();
        for (Objective objective : content.objectives()) {
            JsonObject item = new JsonObject();
            item.addProperty("id", objective.id());
            item.addProperty("verbo", objective.verb());
            item.addProperty("indicador", objective.indicator());
            item.addProperty("metrica", objective.metric());
            item.addProperty("meta", objective.target());
            item.addProperty("fecha", iso(objective.date()));
            item.add("ambitos", strings(objective.areas()));
            JsonArray goals = new JsonArray();
            for (Goal goal : objective.goals()) {
                JsonObject g = new JsonObject();
                g.addProperty("id", goal.id());
                g.addProperty("descripcion", goal.text());
                g.addProperty("fecha", iso(goal.date()));
                goals.add(g);
            }
            item.add("metas", goals);
            objectives.add(item);
        }
        json.add("objetivos", objectives);
        JsonArray actions = new JsonArray();
        for (Action action : content.actions()) {
            JsonObject item = new JsonObject();
            item.addProperty("id", action.id());
            item.addProperty("objetivo", action.objective());
            item.addProperty("ambito", action.area());
            item.addProperty("descripcion", action.text());
            item.add("responsables", strings(action.responsibles()));
            item.addProperty("recursos", action.resources());
            item.addProperty("inicio", iso(action.start()));
            item.addProperty("fin", iso(action.end()));
            item.addProperty("medicion", action.measure());
            actions.add(item);
        }
        json.add("acciones", actions);
        return json;
    }

    /** Reads what {@link #write} wrote (the module's own storage). */
    public static ProgrammeContent read(JsonObject json) {
        Map<String, String> diagnosis = new LinkedHashMap<>();
        json.getAsJsonObject("diagnostico").entrySet().forEach(e -> diagnosis.put(e.getKey(), e.getValue()
                .getAsString()));
        List<Objective> objectives = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("objetivos")) {
            JsonObject item = element.getAsJsonObject();
            List<Goal> goals = new ArrayList<>();
            for (JsonElement g : item.getAsJsonArray("metas")) {
                JsonObject goal = g.getAsJsonObject();
                goals.add(new Goal(text(goal, "id"), text(goal, "descripcion"), date(goal, "fecha")));
            }
            objectives.add(new Objective(text(item, "id"), text(item, "verbo"), text(item, "indicador"),
                    text(item, "metrica"), text(item, "meta"), date(item, "fecha"), strings(item, "ambitos"), goals));
        }
        List<Action> actions = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("acciones")) {
            JsonObject item = element.getAsJsonObject();
            actions.add(new Action(text(item, "id"), text(item, "objetivo"), text(item, "ambito"),
                    text(item, "descripcion"), strings(item, "responsables"), text(item, "recursos"),
                    date(item, "inicio"), date(item, "fin"), text(item, "medicion")));
        }
        return new ProgrammeContent(diagnosis, objectives, actions);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonObject json, String member) {
        List<String> values = new ArrayList<>();
        json.getAsJsonArray(member).forEach(e -> values.add(e.getAsString()));
        return values;
    }

    private static String text(JsonObject json, String member) {
        JsonElement value = json.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static LocalDate date(JsonObject json, String member) {
        String value = text(json, member);
        return value == null ? null : LocalDate.parse(value);
    }
}
