package mx.cte.results.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.results.api.Period;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Caller;
import mx.cte.security.http.RequestAccess;

/** Reading what every route of the module takes: the period, ids and versions, the caller's right to write. */
final class Params {

    private Params() {
    }

    static Period period(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("Falta el campo '" + field + "' (un mes, 2016-11, o un bimestre,"
                    + " 2016-2017-b2)");
        }
        try {
            return new Period(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + ": " + e.getMessage());
        }
    }

    static Period queryPeriod(HttpServletRequest request) {
        return period(request.getParameter("periodo"), "periodo");
    }

    static Period bodyPeriod(JsonObject body) {
        return period(JsonRequests.optionalString(body, "periodo"), "periodo");
    }

    /** A path segment that must be a record's id. */
    static long id(String segment, String what) {
        if (segment == null || !segment.matches("\\d{1,18}")) {
            throw ProblemException.notFound("Indique " + what + " por su número en la ruta");
        }
        return Long.parseLong(segment);
    }

    static int grade(String segment) {
        if (segment == null || !segment.matches("\\d{1,2}")) {
            throw ProblemException.badRequest("grado: '" + segment + "' no es un grado; use un número, p. ej. 2");
        }
        return Integer.parseInt(segment);
    }

    /** The {@code ?version=N} a removal names. */
    static long queryVersion(HttpServletRequest request) {
        String version = request.getParameter("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Indique la versión que quiere quitar: ?version=N");
        }
        return Long.parseLong(version);
    }

    /** The caller, if they are staff of the school; a reader who may not write gets {@code refusal}. */
    static Caller writer(HttpServletRequest request, SchoolDirectory directory, Cct cct, String refusal) {
        Caller caller = RequestAccess.caller(request);
        RequestAccess.writableSchool(caller, directory, cct, refusal);
        return caller;
    }

    /** A JSON list of CCTs in the member {@code field}; empty when absent, 400 naming the field when malformed. */
    static List<Cct> ccts(JsonElement value, String field) {
        List<Cct> ccts = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return ccts;
        }
        if (!value.isJsonArray()) {
            throw ProblemException.badRequest("El campo '" + field + "' debe ser una lista de claves de centro de"
                    + " trabajo");
        }
        for (JsonElement element : value.getAsJsonArray()) {
            if (!element.isJsonPrimitive()) {
                throw ProblemException.badRequest(field + ": cada escuela es una clave de centro de trabajo");
            }
            ccts.add(RequestAccess.cct(element.getAsString()));
        }
        return ccts;
    }
}
