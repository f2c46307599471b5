package mx.cte.storage.h2;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Finds the store under an embedded H2 connection. H2 exports its JDBC and MVStore packages but not the engine's
 * that lie between them (session, database, store), so the public getters that lead there are called by name. A
 * session that is not embedded (an H2 server reached over TCP) has no store here.
 */
final class H2Stores {

    private H2Stores() {
    }

    static MVStore of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            throw new IllegalStateException("Not an H2 connection: "
                    + connection.getMetaData().getDatabaseProductName());
        }
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        Object session = null;
        try {
            session = call(h2, "getSession");
            Object database = call(session, "getDatabase");
            Object store = call(database, "getStore");
            Object mvStore = call(store, "getMvStore");
            if (mvStore instanceof MVStore found) {
                return found;
            }
            throw new IllegalStateException("H2 answered no MVStore (" + mvStore + "): an in-memory database?");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Not an embedded H2 session (" + (session == null ? "none"
                    : session.getClass().getName())
                    + "), or an H2 version whose engine changed: " + e.getMessage(), e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("H2's engine refused access: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("H2 failed answering its store: " + e.getCause(), e.getCause());
        }
    }

    private static Object call(Object target, String getter)
            throws NoSuchMethodException, IllegalAccessException, InvocationTargetException {
        if (target == null) {
            throw new NoSuchMethodException(getter + " on nothing");
        }
        return target.getClass().getMethod(getter).invoke(target);
    }
}
