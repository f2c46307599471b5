package mx.cte.storage.h2;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class H2StoreUpkeepTest {

    private static final int ROWS = 20_000;
    private static final int WRITES = 2_500;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** The platform's durable commits, with old data overwritable at once so that the test needs no 45 s waits. */
    private JdbcDataSource database(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        Path file = folder.getRoot().toPath().resolve(name);
        dataSource.setURL("jdbc:h2:" + file + ";WRITE_DELAY=0;RETENTION_TIME=0");
        dataSource.setUser("cte");
        return dataSource;
    }

    @Test
    public void theFileKeepsTheSizeOfItsDataInsteadOfAChunkPerCommit() throws Exception {
        JdbcDataSource unkept = database("unkept");
        JdbcDataSource kept = database("kept");
        H2StoreUpkeep upkeep = new H2StoreUpkeep(kept, 90, 60, 1 << 20);
        try (Connection unkeptOpen = unkept.getConnection(); Connection keptOpen = kept.getConnection()) {
            fill(unkeptOpen);
            fill(keptOpen);
            writeDay(unkeptOpen, null);
            writeDay(keptOpen, upkeep);

            long unkeptFile = info(unkeptOpen, "info.FILE_SIZE");
            long keptFile = info(keptOpen, "info.FILE_SIZE");
            // Measured: about 1,700 chunks in 50 MB, 5 % of it live, against some 50 chunks in 5 MB.
            assertTrue("without upkeep the file is mostly dead chunks: " + info(unkeptOpen, "info.CHUNKS_FILL_RATE"),
                    info(unkeptOpen, "info.CHUNKS_FILL_RATE") < 20);
            assertTrue("live data in the chunks of the kept file: " + info(keptOpen, "info.CHUNKS_FILL_RATE"),
                    info(keptOpen, "info.CHUNKS_FILL_RATE") >= 50);
            assertTrue("kept " + keptFile + " B, unkept " + unkeptFile + " B", keptFile * 4 < unkeptFile);
            assertTrue(info(keptOpen, "info.CHUNK_COUNT") * 10 < info(unkeptOpen, "info.CHUNK_COUNT"));
            assertEveryEditIsThere(keptOpen);
        }
        try (Connection reopened = kept.getConnection()) {
            assertEveryEditIsThere(reopened);
        }
    }

    @Test
    public void theStoreIsFoundAgainAfterTheDatabaseReopenedAndCompactedWithoutOtherCommits() throws Exception {
        JdbcDataSource dataSource = database("reopened");
        H2StoreUpkeep upkeep = new H2StoreUpkeep(dataSource, 90, 60, 1 << 20);
        try (Connection first = dataSource.getConnection()) {
            fill(first);
            upkeep.compactOnce();
        }
        // The last connection closed the database (as a restore does); the store the upkeep knew is closed.
        try (Connection second = dataSource.getConnection()) {
            writeDay(second, null);
            // No commit follows: the platform has gone quiet, and the upkeep alone must bring its work to the file.
            for (int look = 0; look < 50 && info(second, "info.CHUNKS_FILL_RATE") < 50; look++) {
                upkeep.compactOnce();
            }
            assertTrue("live share " + info(second, "info.CHUNKS_FILL_RATE") + " % of "
                    + info(second, "info.CHUNK_COUNT") + " chunks", info(second, "info.CHUNKS_FILL_RATE") >= 50);
            assertEveryEditIsThere(second);
        }
    }

    @Test
    public void whileCommitsGoOnOnlyTheEmptiestChunksAreRewrittenAndTheQuietMomentsDoTheRest() throws Exception {
        JdbcDataSource dataSource = database("busy");
        H2StoreUpkeep upkeep = new H2StoreUpkeep(dataSource, 90, 40, 1 << 20);
        try (Connection open = dataSource.getConnection()) {
            fill(open);
            writeDay(open, null);
            assertTrue(info(open, "info.CHUNKS_FILL_RATE") < 20);
            // A commit before every look, as under load: rewriting stops once 40 % is live, each look moving up to
            // 1 MB of the emptiest chunks (measured: 66-67 %; 92 % when the one target of 90 % applied throughout).
            try (PreparedStatement edit = open.prepareStatement("UPDATE agreement SET body = ? WHERE id = ?")) {
                for (int look = 0; look < 200; look++) {
                    edit.setString(1, "Acuerdo revisado otra vez " + look);
                    edit.setLong(2, look);
                    edit.executeUpdate();
                    upkeep.compactOnce();
                }
            }
            long whileWriting = info(open, "info.CHUNKS_FILL_RATE");
            assertTrue("live share while writing: " + whileWriting + " %", whileWriting >= 30 && whileWriting < 80);
            // Quiet: nothing commits between looks, and the file is brought up to the fill rate.
            for (int look = 0; look < 200 && upkeep.compactOnce(); look++) {
                // each look rewrites up to 1 MB
            }
            long quiet = info(open, "info.CHUNKS_FILL_RATE");
            assertTrue("live share once quiet: " + quiet + " % (" + whileWriting + " % before)", quiet >= 85);
        }
    }

    @Test
    public void onAnotherDatabaseTheUpkeepStopsWithoutTouchingIt() throws Exception {
        int[] connections = {0};
        DataSource postgres = fakeDataSource("PostgreSQL", connections);
        H2StoreUpkeep upkeep = new H2StoreUpkeep(postgres, 90, 60, 1 << 20);

        assertFalse(upkeep.compactOnce());
        assertFalse(upkeep.compactOnce());
        assertEquals("looked once, then gave up", 1, connections[0]);
    }

    private static DataSource fakeDataSource(String product, int[] connections) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(H2StoreUpkeepTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(H2StoreUpkeepTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isWrapperFor" -> false;
                    case "getMetaData" -> metaData;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (DataSource) Proxy.newProxyInstance(H2StoreUpkeepTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections[0]++;
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertEveryEditIsThere(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet agreements = statement.executeQuery("SELECT COUNT(*), SUM(version) FROM agreement");
                ResultSet audit = connection.createStatement().executeQuery("SELECT COUNT(*) FROM audit")) {
            agreements.next();
            audit.next();
            assertEquals(ROWS, agreements.getLong(1));
            assertEquals(WRITES, agreements.getLong(2));
            assertEquals(WRITES, audit.getLong(1));
        }
    }

    private static void fill(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE agreement(id BIGINT PRIMARY KEY, school VARCHAR(10) NOT NULL,"
                    + " version INT NOT NULL, body VARCHAR(400) NOT NULL)");
            statement.execute("CREATE INDEX agreement_school ON agreement(school)");
            statement.execute("CREATE TABLE audit(id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP NOT NULL,"
                    + " what VARCHAR(200) NOT NULL)");
            statement.execute("CREATE INDEX audit_at ON audit(at)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement VALUES (?, ?, 0, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, String.format("15EJN%04dK", i % 2000));
                insert.setString(3, "Acuerdo " + i + " del Consejo Técnico Escolar sobre la ruta de mejora");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** One durable commit per edit, each changing an agreement and adding its audit row, as a keyed write does. */
    private static void writeDay(Connection connection, H2StoreUpkeep upkeep) throws SQLException {
        Random random = new Random(7);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE agreement SET version = version + 1, body = ? WHERE id = ?");
                PreparedStatement audit = connection.prepareStatement(
                        "INSERT INTO audit(at, what) VALUES (CURRENT_TIMESTAMP, ?)")) {
            for (int i = 0; i < WRITES; i++) {
                connection.setAutoCommit(false);
                long id = random.nextInt(ROWS);
                update.setString(1, "Acuerdo revisado " + i);
                update.setLong(2, id);
                update.executeUpdate();
                audit.setString(1, "acuerdo " + id + " editado");
                audit.executeUpdate();
                connection.commit();
                connection.setAutoCommit(true);
                if (upkeep != null && i % 50 == 0) {
                    upkeep.compactOnce();
                }
            }
        }
    }

    private static long info(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(name, row.next());
                return Long.parseLong(row.getString(1));
            }
        }
    }
}
