package mx.cte.logbook.api;

import java.util.List;

/** An agreement cannot be stored as written; every problem names its field, in Spanish. */
public class InvalidAgreementException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A problem with the field it concerns. */
    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public InvalidAgreementException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
