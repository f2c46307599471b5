package mx.cte.storage.api;

import mx.cte.core.api.errors.ConflictException;

/**
 * A write was based on a version of a record that is no longer current: someone else changed it first. Nothing was
 * written; the caller shows the current version and lets the user decide (HTTP 409).
 */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String record;
    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersionException(String record, long expectedVersion, long currentVersion) {
        super(record + " cambió mientras lo editaba: su edición partía de la versión " + expectedVersion
                + " y la versión actual es " + currentVersion);
        this.record = record;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** What was being written, e.g. "La escuela 15EJN0123X". */
    public String record() {
        return record;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
