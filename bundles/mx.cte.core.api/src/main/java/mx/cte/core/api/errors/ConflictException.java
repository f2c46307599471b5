package mx.cte.core.api.errors;

/**
 * A change was based on a state that is no longer current (someone else changed the record first). Nothing was
 * written; the client shows the current state and lets the user decide. Its message is for the user, in Spanish.
 */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
