package mx.cte.storage.api;

/** A module's schema could not be brought up to date; the module must not start on a schema it does not know. */
public class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String module;

    public SchemaMigrationException(String module, String message, Throwable cause) {
        super("Schema of module '" + module + "': " + message, cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}
