package mx.cte.security.http;

import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolYears;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.security.api.Caller;

/** The access checks of an API request, answered as problems (401, 403, 400) the endpoint need not write itself. */
public final class RequestAccess {

    private RequestAccess() {
    }

    /** The signed-in caller; the session filter has already answered 401 for non-public paths, this guards misuse. */
    public static Caller caller(HttpServletRequest request) {
        if (request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new ProblemException(401, "Sesión requerida", "Inicie sesión.");
    }

    /** The signed-in caller, if a platform administrator; anyone else gets {@code refusal} (403). */
    public static Caller administrator(HttpServletRequest request, String refusal) {
        Caller caller = caller(request);
        if (!caller.isAdministrator()) {
            throw ProblemException.forbidden(refusal);
        }
        return caller;
    }

    /** The school a route names in its {@code {cct}} segment; 400 naming the segment when it is not a CCT. */
    public static Cct school(ApiCall call) {
        return call.path("cct", RequestAccess::cct);
    }

    /**
     * The state the route names ({@code {entidad}}, 01 to 32), if the caller is its education authority; 400 naming
     * {@code entidad} for a number that is not a state, and the state's {@code refusal} (403) for anyone else.
     */
    public static State authorityState(ApiCall call, Function<State, String> refusal) {
        String code = call.path("entidad");
        State state = State.byCode(code).orElseThrow(() -> ProblemException.badField("entidad",
                "entidad: '" + code + "' no es una entidad; use su número de 01 a 32"));
        if (!caller(call.request()).isAuthorityOf(state)) {
            throw ProblemException.forbidden(refusal.apply(state));
        }
        return state;
    }

    /**
     * The zone the route names ({@code {zona}}), if the caller reads it (its supervision, its state's authority); 400
     * naming {@code zona} for a malformed key, and the zone's {@code refusal} (403) for anyone else.
     */
    public static ZoneId readableZone(ApiCall call, Function<ZoneId, String> refusal) {
        ZoneId zone = call.path("zona", ZoneId::parse);
        if (!caller(call.request()).canReadZone(zone)) {
            throw ProblemException.forbidden(refusal.apply(zone));
        }
        return zone;
    }

    /** The school the route names, if the caller may read its work. */
    public static Cct readableSchool(ApiCall call, SchoolDirectory directory) {
        Cct cct = school(call);
        readableSchool(caller(call.request()), directory, cct);
        return cct;
    }

    /** The caller, if they are staff of {@code cct} and so may write its work; a reader gets {@code refusal}. */
    public static Caller staff(ApiCall call, SchoolDirectory directory, Cct cct, String refusal) {
        Caller caller = caller(call.request());
        writableSchool(caller, directory, cct, refusal);
        return caller;
    }

    /** The caller, if they are the director of {@code cct}; its other readers get {@code refusal} (403). */
    public static Caller director(ApiCall call, SchoolDirectory directory, Cct cct, String refusal) {
        Caller caller = caller(call.request());
        directedSchool(caller, directory, cct, refusal);
        return caller;
    }

    /** The school year the route names ({@code {cycle}}, {@code 2019-2020}); 400 naming {@code ciclo} otherwise. */
    public static String schoolYear(ApiCall call) {
        return checkedSchoolYear(call.path("cycle"));
    }

    /** The school year of {@code ?ciclo=}; 400 naming {@code ciclo} when it is absent or not one. */
    public static String schoolYearQuery(ApiCall call) {
        return checkedSchoolYear(call.query("ciclo").orElseThrow(() -> ProblemException.badField("ciclo",
                "Indique el ciclo escolar, por ejemplo ?ciclo=2019-2020.")));
    }

    private static String checkedSchoolYear(String cycle) {
        SchoolYears.problem(cycle).ifPresent(problem -> {
            throw ProblemException.badField("ciclo", Character.toUpperCase(problem.charAt(0)) + problem.substring(1)
                    + ".");
        });
        return cycle;
    }

    /** A CCT from a path segment, or 400 saying what is wrong with it. */
    public static Cct cct(String text) {
        try {
            return Cct.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    /**
     * The same answer whether the school does not exist or is not the caller's: nothing about another school leaks
     * through an error.
     */
    public static ProblemException noAccess(Cct cct) {
        return ProblemException.forbidden("No tiene acceso a la escuela " + cct + ".");
    }

    /** The school, if the caller may read its work (its staff, its zone's supervisor, its state's authority). */
    public static School readableSchool(Caller caller, SchoolDirectory directory, Cct cct) {
        School school = directory.school(cct).orElseThrow(() -> noAccess(cct));
        if (!caller.canRead(cct, school.zone())) {
            throw noAccess(cct);
        }
        return school;
    }

    /**
     * The school, if the caller may write its work (its staff); a reader who may not write gets {@code refusal}.
     */
    public static School writableSchool(Caller caller, SchoolDirectory directory, Cct cct, String refusal) {
        School school = readableSchool(caller, directory, cct);
        if (!caller.canWrite(cct)) {
            throw ProblemException.forbidden(refusal);
        }
        return school;
    }

    /**
     * The school, if the caller is its director; its other readers get {@code refusal} (403), which should say that
     * the director decides this.
     */
    public static School directedSchool(Caller caller, SchoolDirectory directory, Cct cct, String refusal) {
        School school = readableSchool(caller, directory, cct);
        if (!caller.isDirectorOf(cct)) {
            throw ProblemException.forbidden(refusal);
        }
        return school;
    }
}
