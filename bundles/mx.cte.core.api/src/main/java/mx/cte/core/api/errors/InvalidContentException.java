package mx.cte.core.api.errors;

import java.util.List;

/**
 * Content a user wrote cannot be stored as written; each problem names its field and says, in Spanish, what is wrong.
 * Every module reports invalid content this way, so the HTTP layer answers it the same way (422 with the fields).
 */
public class InvalidContentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A problem with the field it concerns ({@code fechaLimite}, {@code materiales[2].titulo}). */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> problems;

    public InvalidContentException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid content names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidContentException of(String field, String message) {
        return new InvalidContentException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
