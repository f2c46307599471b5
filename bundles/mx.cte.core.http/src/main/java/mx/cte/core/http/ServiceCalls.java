package mx.cte.core.http;

import com.google.gson.JsonElement;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import mx.cte.core.api.errors.ConflictException;
import mx.cte.core.api.errors.InvalidContentException;

/**
 * How a module's service errors reach a client, the same in every module: an unknown record is 404, a change between
 * schools that may not share is 403, a stale version is 409 (with the current record in {@code actual} when the
 * caller can give it), invalid content is 422 under the module's title (with each field at fault when the service
 * named them). Other exceptions pass through.
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
        } catch (InvalidContentException invalid) {
            throw invalidContent(invalidTitle, invalid);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, invalidTitle, e.getMessage());
        }
    }

    /** 422 with every field at fault in {@code campos} ({@code campo}, {@code mensaje}), the first in {@code campo}. */
    public static ProblemException invalidContent(String invalidTitle, InvalidContentException invalid) {
        JsonArray fields = new JsonArray();
        for (InvalidContentException.FieldProblem problem : invalid.problems()) {
            JsonObject field = new JsonObject();
            field.addProperty("campo", problem.field());
            field.addProperty("mensaje", problem.message());
            fields.add(field);
        }
        return new ProblemException(422, invalidTitle, invalid.getMessage())
                .at(invalid.problems().get(0).field()).with("campos", fields);
    }

    public static void run(String invalidTitle, Runnable work) {
        call(invalidTitle, () -> {
            work.run();
            return null;
        });
    }
}
