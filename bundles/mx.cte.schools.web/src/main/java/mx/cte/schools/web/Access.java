package mx.cte.schools.web;

import javax.servlet.http.HttpServletRequest;
import mx.cte.core.http.ProblemException;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Caller;

/** The signed-in caller, and the one refusal every school-scoped endpoint gives. */
final class Access {

    private Access() {
    }

    /** The session filter has already answered 401 when there is no caller; this only guards against misuse. */
    static Caller caller(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        if (!(caller instanceof Caller signedIn)) {
            throw new ProblemException(401, "Sesión requerida", "Inicie sesión.");
        }
        return signedIn;
    }

    /**
     * The same answer whether the school does not exist or is not the caller's: nothing about another school leaks
     * through an error.
     */
    static ProblemException noAccess(Cct cct) {
        return ProblemException.forbidden("No tiene acceso a la escuela " + cct + ".");
    }

    static Cct cct(String text) {
        try {
            return Cct.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
