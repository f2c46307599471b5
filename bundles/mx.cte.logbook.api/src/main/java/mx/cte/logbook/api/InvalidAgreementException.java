package mx.cte.logbook.api;

import java.util.List;
import mx.cte.core.api.errors.InvalidContentException;

/** An agreement cannot be stored as written; every problem names its field, in Spanish. */
public class InvalidAgreementException extends InvalidContentException {

    private static final long serialVersionUID = 1L;

    public InvalidAgreementException(List<FieldProblem> problems) {
        super(problems);
    }
}
