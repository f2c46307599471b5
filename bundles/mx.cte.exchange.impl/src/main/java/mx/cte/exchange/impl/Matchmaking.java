package mx.cte.exchange.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.api.SimilarDocument;
import mx.cte.search.api.TextIndex;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;

/**
 * Who exchanges with whom: groups suggested for a zone or a whole state from the published presentations' texts
 * ({@link Grouping}), the groups a zone's supervision confirmed (tables {@code exchange_group*}), and so each school's
 * peers.
 */
final class Matchmaking {

    static final List<String> TEXT_FIELDS = List.of("problema", "causas", "acciones", "resultados");

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final TextIndex index;
    private final Clock clock;

    Matchmaking(Database database, SchoolDirectory directory, AuditLog audit, TextIndex index, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
    }

    Matching suggestZone(ZoneId zone, String session, int groupSize) {
        List<Cct> schools = directory.schools(zone).stream().map(School::cct).toList();
        return suggest(zone.key(), ExchangeRecords.session(session), schools, Map.of("zona", List.of(zone.key())),
                groupSize, "zone_key = ?", zone.key());
    }

    Matching suggestState(State state, String session, int groupSize) {
        List<Cct> schools = new ArrayList<>();
        for (Zone zone : directory.zones(state)) {
            directory.schools(zone.id()).forEach(s -> schools.add(s.cct()));
        }
        return suggest(state.code(), ExchangeRecords.session(session), schools,
                Map.of("entidad", List.of(state.code())), groupSize, "cct LIKE ?", state.code() + "%");
    }

    private Matching suggest(String scope, String session, List<Cct> schools, Map<String, List<String>> filter,
            int groupSize, String where, String value) {
        if (groupSize < 2 || groupSize > 6) {
            throw new IllegalArgumentException("tamano: un grupo reúne de 2 a 6 escuelas");
        }
        long started = System.nanoTime();
        Map<Cct, Presentation> published = new HashMap<>();
        Set<String> inScope = schools.stream().map(Cct::value).collect(Collectors.toSet());
        database.inTransaction(connection -> Sql.query(connection, "SELECT * FROM exchange_presentation"
                + " WHERE session_key = ? AND " + where + " AND published_at IS NOT NULL",
                ExchangeRecords::presentation, session, value))
                .stream().filter(p -> inScope.contains(p.school().value())).forEach(p -> published.put(p.school(), p));
        Map<String, List<String>> filters = new HashMap<>(filter);
        filters.put("sesion", List.of(session));
        // Every school's closest peers: ten within a zone (a zone has 10 to 20 schools), five across a state.
        int candidates = Math.min(filter.containsKey("zona") ? 10 : 5, Math.max(1, published.size() - 1));
        Map<String, SchoolMatch> pairs = new HashMap<>();
        Map<String, List<SimilarDocument>> similarities = index.similarAll(published.keySet().stream()
                .map(c -> ExchangeRecords.documentId(c, session)).toList(), TEXT_FIELDS, filters, candidates);
        for (Presentation presentation : published.values()) {
            String id = ExchangeRecords.documentId(presentation.school(), session);
            for (SimilarDocument similar : similarities.getOrDefault(id, List.of())) {
                Presentation other = published.get(Cct.parse(similar.id().substring(0, similar.id().indexOf('|'))));
                if (other == null) {
                    continue;
                }
                SchoolMatch match = Grouping.match(presentation, other, similar.score(), similar.sharedWords());
                pairs.putIfAbsent(match.first().value() + "|" + match.second().value(), match);
            }
        }
        List<SchoolMatch> ranked = new ArrayList<>(pairs.values());
        ranked.sort(java.util.Comparator.comparingDouble(SchoolMatch::score).reversed());
        List<ExchangeGroup> groups = Grouping.groups(ranked, groupSize);
        Set<Cct> grouped = new HashSet<>();
        groups.forEach(g -> grouped.addAll(g.schools()));
        List<Cct> unmatched = published.keySet().stream().filter(c -> !grouped.contains(c))
                .sorted(java.util.Comparator.comparing(Cct::value)).toList();
        List<Cct> unpublished = schools.stream().filter(c -> !published.containsKey(c))
                .sorted(java.util.Comparator.comparing(Cct::value)).toList();
        return new Matching(scope, session, groups, ranked, unmatched, unpublished,
                (System.nanoTime() - started) / 1_000_000, Grouping.whyUnpaired(unmatched, published.size(), ranked,
                        groups, groupSize, this::schoolName));
    }

    private String schoolName(Cct cct) {
        return directory.school(cct).map(s -> s.name() + " (" + cct + ")").orElse(cct.value());
    }

    List<ExchangeGroup> confirmGroups(ZoneId zone, String session, List<List<Cct>> groups, String author) {
        String key = ExchangeRecords.session(session);
        Set<String> inZone = directory.schools(zone).stream().map(s -> s.cct().value()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<Cct> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Cct> group = groups.get(i);
            if (group.size() < 2) {
                problems.add("grupos[" + i + "]: un grupo reúne dos escuelas o más");
            }
            for (Cct cct : group) {
                if (!inZone.contains(cct.value())) {
                    problems.add("grupos[" + i + "]: la escuela " + cct + " no es de la zona " + zone);
                } else if (!seen.add(cct)) {
                    problems.add("grupos[" + i + "]: la escuela " + cct + " ya está en otro grupo");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        database.inTransaction(connection -> {
            Sql.update(connection, "DELETE FROM exchange_group WHERE zone_key = ? AND session_key = ?", zone.key(),
                    key);
            for (List<Cct> group : groups) {
                long id = Sql.insert(connection, "INSERT INTO exchange_group (zone_key, session_key, confirmed_by,"
                        + " confirmed_at) VALUES (?, ?, ?, ?)", zone.key(), key, author, clock.instant());
                for (Cct cct : group) {
                    Sql.update(connection, "INSERT INTO exchange_group_member (group_id, cct) VALUES (?, ?)", id,
                            cct.value());
                }
            }
            return null;
        });
        audit.record("grupos-intercambio-confirmados", zone + " " + key, groups.size() + " grupos");
        return groups(zone, key);
    }

    List<ExchangeGroup> groups(ZoneId zone, String session) {
        String key = ExchangeRecords.session(session);
        return database.inTransaction(connection -> groups(connection, zone.key(), key));
    }

    private static List<ExchangeGroup> groups(Connection connection, String zone, String session)
            throws SQLException {
        Map<Long, List<Cct>> members = new java.util.TreeMap<>();
        Sql.query(connection, "SELECT g.id, m.cct FROM exchange_group g JOIN exchange_group_member m"
                + " ON m.group_id = g.id WHERE g.zone_key = ? AND g.session_key = ? ORDER BY g.id, m.cct", row -> {
                    members.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(Cct.parse(row.getString(2)));
                    return null;
                }, zone, session);
        return members.entrySet().stream().map(e -> new ExchangeGroup(e.getKey(), e.getValue(), 0, List.of()))
                .toList();
    }

    List<Cct> peers(Cct cct, String session) {
        School school = ExchangeRecords.school(directory, cct);
        String key = ExchangeRecords.session(session);
        return database.inTransaction(connection -> groups(connection, school.zone().key(), key)).stream()
                .filter(g -> g.schools().contains(cct)).findFirst()
                .map(g -> g.schools().stream().filter(c -> !c.equals(cct)).toList()).orElse(List.of());
    }
}
