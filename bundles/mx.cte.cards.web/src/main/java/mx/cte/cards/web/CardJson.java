package mx.cte.cards.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.Material;

/** An intervention card as the API writes it. */
final class CardJson {

    private CardJson() {
    }

    static JsonObject json(InterventionCard card) {
        CardDraft content = card.content();
        JsonObject json = new JsonObject();
        json.addProperty("id", card.id());
        json.addProperty("escuela", card.school().value());
        json.addProperty("periodo", content.period());
        json.addProperty("sesion", content.session());
        JsonArray challenges = new JsonArray();
        for (Challenge challenge : content.challenges()) {
            JsonObject item = new JsonObject();
            if (challenge.concentrateItemId() != 0) {
                item.addProperty("renglon", challenge.concentrateItemId());
            }
            item.addProperty("texto", challenge.text());
            challenges.add(item);
        }
        json.add("desafios", challenges);
        json.addProperty("titulo", content.title());
        json.addProperty("descripcion", content.description());
        json.addProperty("accionesAula", content.classroomActions());
        json.addProperty("accionesEscuela", content.schoolActions());
        JsonArray materials = new JsonArray();
        for (Material material : content.materials()) {
            JsonObject item = new JsonObject();
            if (material.catalogueId() != 0) {
                item.addProperty("recurso", material.catalogueId());
            }
            item.addProperty("titulo", material.title());
            materials.add(item);
        }
        json.add("materiales", materials);
        json.addProperty("adecuaciones", content.adequations());
        json.addProperty("instrumentos", content.instruments());
        JsonArray grades = new JsonArray();
        content.grades().forEach(grades::add);
        json.add("grados", grades);
        JsonArray groups = new JsonArray();
        content.groups().forEach(groups::add);
        json.add("grupos", groups);
        json.addProperty("semanas", content.durationWeeks());
        JsonArray responsibles = new JsonArray();
        content.responsibles().forEach(responsibles::add);
        json.add("responsables", responsibles);
        json.addProperty("decision", card.decision().wireName());
        json.addProperty("nombreDecision", card.decision().title());
        json.addProperty("notaDecision", card.decisionNote());
        JsonArray comments = new JsonArray();
        for (CardComment comment : card.comments()) {
            comments.add(json(comment));
        }
        json.add("comentarios", comments);
        JsonArray followUps = new JsonArray();
        for (FollowUp followUp : card.followUps()) {
            JsonObject item = new JsonObject();
            item.addProperty("id", followUp.id());
            item.addProperty("sesion", followUp.session());
            item.addProperty("aplicada", followUp.applied());
            item.addProperty("resultados", followUp.observedResults());
            item.addProperty("autor", followUp.author());
            item.addProperty("fecha", followUp.createdAt().toString());
            followUps.add(item);
        }
        json.add("seguimiento", followUps);
        if (card.copiedFrom() != null) {
            JsonObject origin = new JsonObject();
            origin.addProperty("escuela", card.copiedFrom().school().value());
            origin.addProperty("tarjeta", card.copiedFrom().cardId());
            origin.addProperty("titulo", card.copiedFrom().title());
            json.add("copiadaDe", origin);
        }
        json.addProperty("creadaPor", card.createdBy());
        json.addProperty("creadaEl", card.createdAt().toString());
        json.addProperty("version", card.version());
        return json;
    }

    static JsonObject json(CardComment comment) {
        JsonObject item = new JsonObject();
        item.addProperty("id", comment.id());
        item.addProperty("sugerencia", comment.suggestion());
        item.addProperty("texto", comment.text());
        item.addProperty("autor", comment.author());
        item.addProperty("fecha", comment.createdAt().toString());
        return item;
    }
}
