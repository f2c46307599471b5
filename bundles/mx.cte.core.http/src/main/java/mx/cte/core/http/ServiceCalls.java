package mx.cte.core.http;

import com.google.gson.JsonElement;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import mx.cte.core.api.errors.ConflictException;

/**
 * How a module's service errors reach a client, the same in every module: an unknown record is 404, a change between
 * schools that may not share is 403, a stale version is 409 (with the current record in {@code actual} when the
 * caller can give it), invalid content is 422 under the module's title. Other exceptions pass through.
 */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    public static <T> T call(String invalidTitle, Supplier<T> work) {
        return call(invalidTitle, work, null);
    }

    /** @param current the record as it is now, sent in {@code actual} with a 409 so the client can show it */
    public static <T> T call(String invalidTitle, Supplier<T> work, Supplier<JsonElement> current) {
        try {
            return work.get();
        } catch (ConflictException conflict) {
            ProblemException problem = new ProblemException(409, "Conflicto de edición", conflict.getMessage());
            if (current != null) {
                try {
                    problem.with("actual", current.get());
                } catch (RuntimeException gone) {
                    // removed meanwhile: the detail already says which versions met
                }
            }
            throw problem;
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (SecurityException e) {
            throw ProblemException.forbidden(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, invalidTitle, e.getMessage());
        }
    }

    public static void run(String invalidTitle, Runnable work) {
        call(invalidTitle, () -> {
            work.run();
            return null;
        });
    }
}
