package mx.cte.schools.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.RejectedRow;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.State;

/** The school directory as JSON, with Spanish member names as the UI reads them. */
final class SchoolJson {

    private SchoolJson() {
    }

    static JsonObject school(School school) {
        JsonObject json = new JsonObject();
        json.addProperty("cct", school.cct().value());
        json.addProperty("nombre", school.name());
        json.add("entidad", state(school.state()));
        json.addProperty("municipio", school.municipality());
        json.addProperty("nivel", school.level().wireName());
        json.addProperty("modalidad", school.modality().wireName());
        json.addProperty("zona", school.zone().key());
        json.addProperty("turno", school.shift().wireName());
        json.addProperty("multigrado", school.multigrade());
        json.add("grupos", groups(school.groups()));
        json.addProperty("version", school.version());
        return json;
    }

    static JsonObject state(State state) {
        JsonObject json = new JsonObject();
        json.addProperty("clave", state.code());
        json.addProperty("nombre", state.displayName());
        return json;
    }

    static JsonArray groups(List<SchoolGroup> groups) {
        JsonArray array = new JsonArray();
        for (SchoolGroup group : groups) {
            JsonObject json = new JsonObject();
            json.addProperty("nombre", group.name());
            JsonArray grades = new JsonArray();
            group.grades().forEach(grades::add);
            json.add("grados", grades);
            array.add(json);
        }
        return array;
    }

    static JsonObject report(ImportReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("archivo", report.source());
        json.addProperty("importado", report.imported());
        json.addProperty("filas", report.rows());
        json.addProperty("escuelasNuevas", report.inserted());
        json.addProperty("escuelasActualizadas", report.updated());
        json.addProperty("zonasNuevas", report.zonesCreated());
        if (report.problem() != null) {
            json.addProperty("problema", report.problem());
        }
        JsonArray rejected = new JsonArray();
        for (RejectedRow row : report.rejected()) {
            JsonObject json1 = new JsonObject();
            json1.addProperty("linea", row.line());
            json1.addProperty("cct", row.cct());
            JsonArray reasons = new JsonArray();
            row.reasons().forEach(reasons::add);
            json1.add("motivos", reasons);
            rejected.add(json1);
        }
        json.add("filasRechazadas", rejected);
        return json;
    }
}
