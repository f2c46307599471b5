package mx.cte.results.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;

/** Reading what the module's routes take: the period, grades, versions, lists of schools. */
final class Params {

    private Params() {
    }

    static Period period(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badField(field, "Falta el campo '" + field + "' (un mes, 2016-11, o un bimestre,"
                    + " 2016-2017-b2)");
        }
        try {
            return new Period(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, field + ": " + e.getMessage());
        }
    }

    static Period queryPeriod(ApiCall call) {
        return period(call.request().getParameter("periodo"), "periodo");
    }

    static Period bodyPeriod(JsonObject body) {
        return period(JsonRequests.optionalString(body, "periodo"), "periodo");
    }

    /** A grade in a path segment, {@code {grado}}. */
    static int grade(String segment) {
        if (segment == null || !segment.matches("\\d{1,2}")) {
            throw new IllegalArgumentException("'" + segment + "' no es un grado; use un número, p. ej. 2");
        }
        return Integer.parseInt(segment);
    }

    /** The {@code ?version=N} a removal names. */
    static long queryVersion(ApiCall call) {
        return call.query("version").filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
                .orElseThrow(() -> ProblemException.badField("version",
                        "Indique la versión que quiere quitar: ?version=N"));
    }

    /** A JSON list of CCTs in the member {@code field}; empty when absent, 400 naming the field when malformed. */
    static List<Cct> ccts(JsonElement value, String field) {
        List<Cct> ccts = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return ccts;
        }
        if (!value.isJsonArray()) {
            throw ProblemException.badField(field, "El campo '" + field + "' debe ser una lista de claves de centro"
                    + " de trabajo");
        }
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
            JsonElement element = value.getAsJsonArray().get(i);
            if (!element.isJsonPrimitive()) {
                throw ProblemException.badField(field + "[" + i + "]", field
                        + ": cada escuela es una clave de centro de trabajo");
            }
            try {
                ccts.add(Cct.parse(element.getAsString()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField(field + "[" + i + "]", field + ": " + e.getMessage());
            }
        }
        return ccts;
    }
}
