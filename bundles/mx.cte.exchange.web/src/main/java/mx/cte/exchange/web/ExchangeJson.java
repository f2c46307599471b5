package mx.cte.exchange.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.exchange.api.Unpaired;
import mx.cte.schools.api.Cct;

/** The exchange's records as the API writes them. */
final class ExchangeJson {

    private ExchangeJson() {
    }

    static JsonObject json(Contribution contribution) {
        JsonObject json = new JsonObject();
        json.addProperty("id", contribution.id());
        json.addProperty("actividad", contribution.activity());
        json.addProperty("tipo", contribution.kind().wireName());
        if (!contribution.reading().isEmpty()) {
            json.addProperty("lectura", contribution.reading());
        }
        json.addProperty("texto", contribution.text());
        json.addProperty("autor", contribution.author());
        json.addProperty("fecha", contribution.createdAt().toString());
        return json;
    }

    static JsonObject json(CollectiveText text) {
        JsonObject json = new JsonObject();
        json.addProperty("actividad", text.activity());
        json.addProperty("tipo", text.kind().wireName());
        json.addProperty("titulo", text.kind().title());
        JsonArray contributions = new JsonArray();
        text.contributions().forEach(c -> contributions.add(json(c)));
        json.add("aportaciones", contributions);
        json.addProperty("texto", text.text());
        json.addProperty("version", text.version());
        return json;
    }

    static JsonObject json(Presentation presentation, boolean draft) {
        JsonObject json = new JsonObject();
        json.addProperty("escuela", presentation.school().value());
        json.addProperty("sesion", presentation.session());
        json.addProperty("borrador", draft);
        json.addProperty("problema", presentation.problem());
        json.addProperty("causas", presentation.causes());
        json.addProperty("acciones", presentation.actions());
        json.addProperty("resultados", presentation.results());
        json.addProperty("practicas", presentation.practices());
        JsonArray areas = new JsonArray();
        presentation.areas().forEach(areas::add);
        json.add("areas", areas);
        JsonArray grades = new JsonArray();
        presentation.grades().forEach(grades::add);
        json.add("grados", grades);
        json.addProperty("publicada", presentation.published());
        if (presentation.published()) {
            json.addProperty("publicadaEl", presentation.publishedAt().toString());
        }
        json.addProperty("version", presentation.version());
        return json;
    }

    static JsonObject json(PeerMessage message) {
        JsonObject json = new JsonObject();
        json.addProperty("id", message.id());
        json.addProperty("de", message.from().value());
        json.addProperty("para", message.to().value());
        json.addProperty("tipo", message.kind().wireName());
        json.addProperty("texto", message.text());
        json.addProperty("autor", message.author());
        json.addProperty("fecha", message.sentAt().toString());
        return json;
    }

    private static JsonArray ccts(List<Cct> schools) {
        JsonArray array = new JsonArray();
        schools.forEach(s -> array.add(s.value()));
        return array;
    }

    static JsonObject groups(List<ExchangeGroup> groups) {
        JsonArray array = new JsonArray();
        for (ExchangeGroup group : groups) {
            JsonObject json = new JsonObject();
            json.addProperty("id", group.id());
            json.add("escuelas", ccts(group.schools()));
            array.add(json);
        }
        JsonObject body = new JsonObject();
        body.add("grupos", array);
        return body;
    }

    static JsonObject json(Matching matching) {
        JsonObject json = new JsonObject();
        json.addProperty("ambito", matching.scope());
        json.addProperty("sesion", matching.session());
        JsonArray groups = new JsonArray();
        for (ExchangeGroup group : matching.groups()) {
            JsonObject item = new JsonObject();
            item.add("escuelas", ccts(group.schools()));
            item.addProperty("puntaje", group.score());
            JsonArray reasons = new JsonArray();
            group.reasons().forEach(reasons::add);
            item.add("razones", reasons);
            groups.add(item);
        }
        json.add("grupos", groups);
        JsonArray pairs = new JsonArray();
        for (SchoolMatch match : matching.pairs()) {
            JsonObject item = new JsonObject();
            item.addProperty("escuela", match.first().value());
            item.addProperty("otra", match.second().value());
            item.addProperty("puntaje", match.score());
            item.addProperty("similitudTexto", match.textScore());
            JsonArray words = new JsonArray();
            match.sharedWords().forEach(words::add);
            item.add("palabras", words);
            JsonArray reasons = new JsonArray();
            match.reasons().forEach(reasons::add);
            item.add("razones", reasons);
            pairs.add(item);
        }
        json.add("pares", pairs);
        json.add("sinPareja", ccts(matching.unmatched()));
        JsonArray why = new JsonArray();
        for (Unpaired unpaired : matching.whyUnmatched()) {
            JsonObject item = new JsonObject();
            item.addProperty("cct", unpaired.school().value());
            item.addProperty("motivo", unpaired.reason());
            why.add(item);
        }
        json.add("motivosSinPareja", why);
        json.add("sinPublicar", ccts(matching.unpublished()));
        json.addProperty("milisegundos", matching.millis());
        return json;
    }
}
