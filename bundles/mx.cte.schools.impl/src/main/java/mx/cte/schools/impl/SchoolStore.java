package mx.cte.schools.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.Modality;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;

/** The schools module's SQL, portable between H2 and PostgreSQL. Every method works inside the caller's transaction. */
final class SchoolStore {

    private static final int BATCH = 500;
    private static final String SCHOOL_COLUMNS =
            "cct, name, municipality, state, level, modality, zone_number, shift, multigrade, version";

    record Written(int inserted, int updated, int zonesCreated) {
    }

    private SchoolStore() {
    }

    static Optional<School> find(Connection connection, Cct cct) throws SQLException {
        List<School> found = select(connection, "WHERE cct = ?", cct.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<School> inZone(Connection connection, ZoneId zone) throws SQLException {
        return select(connection, "WHERE state = ? AND level = ? AND zone_number = ? ORDER BY cct",
                zone.state().code(), zone.level().wireName(), zone.number());
    }

    static List<Zone> zones(Connection connection, State state) throws SQLException {
        List<Zone> zones = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT level, zone_number, COUNT(*) FROM school"
                + " WHERE state = ? GROUP BY level, zone_number ORDER BY level, zone_number")) {
            query.setString(1, state.code());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    zones.add(new Zone(new ZoneId(state, Level.parse(rows.getString(1)).orElseThrow(),
                            rows.getInt(2)), rows.getInt(3)));
                }
            }
        }
        return zones;
    }

    static int count(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM school")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<School> select(Connection connection, String where, Object... parameters)
            throws SQLException {
        Map<String, School> schools = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + SCHOOL_COLUMNS + " FROM school " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    School school = school(rows, List.of());
                    schools.put(school.cct().value(), school);
                }
            }
        }
        if (schools.isEmpty()) {
            return List.of();
        }
        Map<String, List<SchoolGroup>> groups = groups(connection, schools.keySet());
        return schools.values().stream()
                .map(s -> new School(s.cct(), s.name(), s.municipality(), s.level(), s.modality(), s.zone(),
                        s.shift(), s.multigrade(), groups.getOrDefault(s.cct().value(), List.of()), s.version()))
                .collect(Collectors.toList());
    }

    private static School school(ResultSet row, List<SchoolGroup> groups) throws SQLException {
        Cct cct = new Cct(row.getString("cct").strip());
        Level level = Level.parse(row.getString("level")).orElseThrow();
        ZoneId zone = new ZoneId(State.byCode(row.getString("state")).orElseThrow(), level, row.getInt("zone_number"));
        return new School(cct, row.getString("name"), row.getString("municipality"), level,
                Modality.parse(row.getString("modality")).orElse(Modality.GENERAL), zone,
                Shift.parse(row.getString("shift")).orElseThrow(), row.getBoolean("multigrade"), groups,
                row.getLong("version"));
    }

    private static Map<String, List<SchoolGroup>> groups(Connection connection, Set<String> ccts)
            throws SQLException {
        Map<String, List<SchoolGroup>> groups = new HashMap<>();
        List<String> all = new ArrayList<>(ccts);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + BATCH));
            String marks = slice.stream().map(c -> "?").collect(Collectors.joining(","));
            try (PreparedStatement query = connection.prepareStatement("SELECT cct, name, grades FROM school_group"
                    + " WHERE cct IN (" + marks + ") ORDER BY cct, position")) {
                for (int i = 0; i < slice.size(); i++) {
                    query.setString(i + 1, slice.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<Integer> grades = Arrays.stream(rows.getString("grades").split(","))
                                .map(Integer::valueOf).collect(Collectors.toList());
                        groups.computeIfAbsent(rows.getString("cct").strip(), c -> new ArrayList<>())
                                .add(new SchoolGroup(rows.getString("name"), grades));
                    }
                }
            }
        }
        return groups;
    }

    static School updateStructure(Connection connection, Cct cct, SchoolStructure structure, long expectedVersion)
            throws SQLException {
        School current = find(connection, cct).orElseThrow(
                () -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
        List<String> problems = structure.problems(current.level());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("La estructura de la escuela " + cct + " no es válida: "
                    + String.join("; ", problems));
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE school SET multigrade = ?,"
                + " version = version + 1, updated_at = ? WHERE cct = ? AND version = ?")) {
            update.setBoolean(1, structure.multigrade());
            update.setObject(2, now());
            update.setString(3, cct.value());
            update.setLong(4, expectedVersion);
            if (update.executeUpdate() == 0) {
                throw new StaleVersionException("La escuela " + cct, expectedVersion, current.version());
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM school_group WHERE cct = ?")) {
            delete.setString(1, cct.value());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO school_group (cct, position, name, grades) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (SchoolGroup group : structure.groups()) {
                insert.setString(1, cct.value());
                insert.setInt(2, position++);
                insert.setString(3, group.name());
                insert.setString(4, group.grades().stream().map(String::valueOf).collect(Collectors.joining(",")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return find(connection, cct).orElseThrow();
    }

    /**
     * Adds new schools and refreshes the catalogue data of known ones, from the rows {@code rows} hands on one at a
     * time; the zones are created first. Rows go in batches, each batch looking up only its own schools, so a national
     * catalogue is never held whole.
     */
    static Written write(Connection connection, Set<ZoneId> zones, RowSource rows, int total, String source,
            ImportProgress progress) throws SQLException {
        int zonesCreated = createMissingZones(connection, zones);
        OffsetDateTime now = now();
        int[] counts = new int[3];
        List<CatalogueRow> batch = new ArrayList<>(BATCH);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO school (cct, name, municipality,"
                + " state, level, zone_number, shift, multigrade, version, updated_at, modality)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, 1, ?, ?)");
                PreparedStatement update = connection.prepareStatement("UPDATE school SET name = ?,"
                        + " municipality = ?, state = ?, level = ?, zone_number = ?, shift = ?,"
                        + " version = version + 1, updated_at = ?, modality = ? WHERE cct = ?")) {
            rows.forEach(row -> {
                batch.add(row);
                if (batch.size() == BATCH) {
                    writeBatch(connection, batch, insert, update, now, counts);
                    progress.progressed("guardando escuelas", counts[2], total);
                }
            });
            writeBatch(connection, batch, insert, update, now, counts);
        }
        progress.progressed("guardando escuelas", counts[2], total);
        try (PreparedStatement history = connection.prepareStatement("INSERT INTO school_catalogue_import"
                + " (source, imported_at, rows_read, inserted, updated, zones_created) VALUES (?, ?, ?, ?, ?, ?)")) {
            history.setString(1, source.length() > 200 ? source.substring(0, 200) : source);
            history.setObject(2, now);
            history.setInt(3, counts[2]);
            history.setInt(4, counts[0]);
            history.setInt(5, counts[1]);
            history.setInt(6, zonesCreated);
            history.executeUpdate();
        }
        return new Written(counts[0], counts[1], zonesCreated);
    }

    /** Hands the rows to write on, one at a time. */
    interface RowSource {
        void forEach(CatalogueCsv.RowSink sink) throws SQLException;
    }

    /** Writes and empties the batch; counts[0] inserted, [1] updated, [2] rows done. */
    private static void writeBatch(Connection connection, List<CatalogueRow> batch, PreparedStatement insert,
            PreparedStatement update, OffsetDateTime now, int[] counts) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, String> known = new HashMap<>();
        String marks = Sql.placeholders(batch.size());
        try (PreparedStatement existing = connection.prepareStatement("SELECT cct, name, municipality, level,"
                + " zone_number, shift, modality FROM school WHERE cct IN (" + marks + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                existing.setString(i + 1, batch.get(i).cct().value());
            }
            try (ResultSet rows = existing.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(1).strip(), String.join("|", rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
        }
        for (CatalogueRow row : batch) {
            String before = known.get(row.cct().value());
            if (before == null) {
                bind(insert, row, now);
                insert.addBatch();
                counts[0]++;
            } else if (!before.equals(fingerprint(row))) {
                update.setString(1, row.name());
                update.setString(2, row.municipality());
                update.setString(3, row.zone().state().code());
                update.setString(4, row.zone().level().wireName());
                update.setInt(5, row.zone().number());
                update.setString(6, row.shift().wireName());
                update.setObject(7, now);
                update.setString(8, row.modality().wireName());
                update.setString(9, row.cct().value());
                update.addBatch();
                counts[1]++;
            }
            counts[2]++;
        }
        insert.executeBatch();
        update.executeBatch();
        batch.clear();
    }

    private static String fingerprint(CatalogueRow row) {
        return String.join("|", row.name(), row.municipality(), row.zone().level().wireName(),
                String.valueOf(row.zone().number()), row.shift().wireName(), row.modality().wireName());
    }

    private static void bind(PreparedStatement insert, CatalogueRow row, OffsetDateTime now) throws SQLException {
        insert.setString(1, row.cct().value());
        insert.setString(2, row.name());
        insert.setString(3, row.municipality());
        insert.setString(4, row.zone().state().code());
        insert.setString(5, row.zone().level().wireName());
        insert.setInt(6, row.zone().number());
        insert.setString(7, row.shift().wireName());
        insert.setObject(8, now);
        insert.setString(9, row.modality().wireName());
    }

    private static int createMissingZones(Connection connection, Set<ZoneId> named) throws SQLException {
        Set<ZoneId> existing = new HashSet<>();
        try (ResultSet zones = connection.createStatement().executeQuery(
                "SELECT state, level, number FROM school_zone")) {
            while (zones.next()) {
                existing.add(new ZoneId(State.byCode(zones.getString(1)).orElseThrow(),
                        Level.parse(zones.getString(2)).orElseThrow(), zones.getInt(3)));
            }
        }
        Set<ZoneId> missing = new HashSet<>(named);
        missing.removeAll(existing);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO school_zone (state, level, number) VALUES (?, ?, ?)")) {
            for (ZoneId zone : missing) {
                insert.setString(1, zone.state().code());
                insert.setString(2, zone.level().wireName());
                insert.setInt(3, zone.number());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return missing.size();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
