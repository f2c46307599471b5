package mx.cte.results.web;

import com.google.gson.JsonElement;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import mx.cte.core.http.ProblemException;
import mx.cte.storage.api.StaleVersionException;

/** How the module's service errors reach a client: 404 unknown record, 409 stale version, 422 invalid content. */
final class Calls {

    private Calls() {
    }

    static <T> T call(String invalidTitle, Supplier<T> work) {
        return call(invalidTitle, work, null);
    }

    /** @param current the record as it is now, sent in {@code actual} with a 409 so the client can show it */
    static <T> T call(String invalidTitle, Supplier<T> work, Supplier<JsonElement> current) {
        try {
            return work.get();
        } catch (StaleVersionException stale) {
            ProblemException conflict = new ProblemException(409, "Conflicto de edición", stale.getMessage());
            if (current != null) {
                try {
                    conflict.with("actual", current.get());
                } catch (RuntimeException gone) {
                    // removed meanwhile: the detail says so through the versions
                }
            }
            throw conflict;
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, invalidTitle, e.getMessage());
        }
    }

    static void run(String invalidTitle, Runnable work) {
        call(invalidTitle, () -> {
            work.run();
            return null;
        });
    }
}
