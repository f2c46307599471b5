package mx.cte.results.web;

import java.util.NoSuchElementException;
import java.util.function.Supplier;
import mx.cte.core.http.ProblemException;
import mx.cte.storage.api.StaleVersionException;

/** How the module's service errors reach a client: 404 unknown record, 409 stale version, 422 invalid content. */
final class Calls {

    private Calls() {
    }

    static <T> T call(String invalidTitle, Supplier<T> work) {
        try {
            return work.get();
        } catch (StaleVersionException stale) {
            throw new ProblemException(409, "Conflicto de edición", stale.getMessage());
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
