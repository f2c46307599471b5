package mx.cte.spike.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The body every variant answers: an agreement as the logbook's API writes it, built anew for each request. */
final class Agreements {

    private Agreements() {
    }

    static JsonObject agreement(String cct, long id) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("escuela", cct);
        json.addProperty("sesion", "SEP:2016-2017:preescolar:ordinaria-3");
        json.addProperty("actividad", 13);
        json.addProperty("acuerdo", "Leer en voz alta un cuento cada día y registrar qué preguntas hacen los niños");
        JsonArray responsibles = new JsonArray();
        responsibles.add("docente.ana");
        responsibles.add("directora");
        json.add("responsables", responsibles);
        json.addProperty("compromisos", "Cada docente lleva su registro a la siguiente sesión");
        json.addProperty("fechaLimite", "2017-01-27");
        json.addProperty("estado", "en-curso");
        json.addProperty("registradoPor", "docente.ana");
        json.addProperty("registrado", "2016-11-25T15:02:11Z");
        json.addProperty("version", 3);
        return json;
    }
}
