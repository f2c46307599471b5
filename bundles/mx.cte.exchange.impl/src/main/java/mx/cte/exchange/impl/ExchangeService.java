package mx.cte.exchange.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.TextFields;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.Exchange;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.SchoolMatch;
import mx.cte.exchange.api.TextKind;
import mx.cte.guide.api.GuideId;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.Logbook;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.GradeCoincidences;
import mx.cte.results.api.Period;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.results.api.SynthesisFrame;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SimilarDocument;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange in the platform database (tables {@code exchange_*}) with the published presentations in a Spanish
 * search index for the matching. The other modules it drafts a presentation from are optional: what is missing is
 * left for the collective to write.
 */
@Component(service = Exchange.class)
public final class ExchangeService implements Exchange {

    static final String MODULE = "exchange";
    static final String CHANGELOG = "mx/cte/exchange/impl/db/changelog.xml";
    static final List<String> TEXT_FIELDS = List.of("problema", "causas", "acciones", "resultados");
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeService.class);
    private static final int LONG_TEXT = 4000;

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final TextIndex index;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultsAnalysis results;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InterventionCards cards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResourceCatalogue catalogue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logbook logbook;

    @Activate
    public ExchangeService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference AuditLog audit, @Reference TextIndexes indexes) {
        this(database, directory, audit, indexes.open(MODULE), Clock.systemUTC());
    }

    ExchangeService(Database database, SchoolDirectory directory, AuditLog audit, TextIndex index, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
        database.migrate(MODULE, ExchangeService.class.getClassLoader(), CHANGELOG);
        reindexIfBehind();
    }

    void use(ResultsAnalysis analysis, InterventionCards interventionCards, ResourceCatalogue resources,
            Logbook agreements) {
        this.results = analysis;
        this.cards = interventionCards;
        this.catalogue = resources;
        this.logbook = agreements;
    }

    // ---------------------------------------------------------------- checks

    private School school(Cct cct) {
        return directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
    }

    private static String session(String session) {
        try {
            return GuideId.parse(session == null ? "" : session.strip()).key();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesion: " + e.getMessage());
        }
    }

    private static String limited(String field, String text, int max, boolean required) {
        return TextFields.checked(field, text, max, required);
    }

    // ---------------------------------------------------------------- activities 14 to 19

    @Override
    public List<CollectiveText> texts(Cct school, String session) {
        String key = session(session);
        return database.inTransaction(connection -> {
            Map<TextKind, List<Contribution>> contributions = new HashMap<>();
            Sql.query(connection, "SELECT id, kind, reading, text, author, created_at FROM exchange_contribution"
                    + " WHERE cct = ? AND session_key = ? ORDER BY id", row -> {
                        Contribution c = contribution(row);
                        contributions.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
                        return null;
                    }, school.value(), key);
            Map<TextKind, Object[]> written = new HashMap<>();
            Sql.query(connection, "SELECT kind, text, version FROM exchange_text WHERE cct = ? AND session_key = ?",
                    row -> written.put(TextKind.parse(row.getString(1)),
                            new Object[] {row.getString(2), row.getLong(3)}), school.value(), key);
            List<CollectiveText> texts = new ArrayList<>();
            for (TextKind kind : TextKind.values()) {
                Object[] text = written.get(kind);
                texts.add(new CollectiveText(kind, key, contributions.getOrDefault(kind, List.of()),
                        text == null ? "" : (String) text[0], text == null ? 0 : (Long) text[1]));
            }
            return texts;
        });
    }

    private static Contribution contribution(ResultSet row) throws SQLException {
        return new Contribution(row.getLong("id"), TextKind.parse(row.getString("kind")), row.getString("reading"),
                row.getString("text"), row.getString("author"), Sql.instant(row, "created_at"));
    }

    @Override
    public Contribution contribute(Cct school, String session, TextKind kind, String reading, String text,
            String author) {
        school(school);
        String key = session(session);
        if (kind == null) {
            throw new IllegalArgumentException("tipo: indique a qué texto aporta");
        }
        String value = limited("texto", text, 2000, true);
        String source = limited("lectura", reading, 80, false);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO exchange_contribution"
                + " (cct, session_key, kind, reading, text, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                school.value(), key, kind.wireName(), source, value, author, now));
        audit.record("aportacion-agregada", school + " " + key + " " + kind.wireName(), value);
        return new Contribution(id, kind, source, value, author, now);
    }

    @Override
    public void removeContribution(Cct school, long id, String author) {
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM exchange_contribution WHERE id = ? AND cct = ?", id, school.value()));
        if (removed == 0) {
            throw new NoSuchElementException("La escuela " + school + " no tiene la aportación " + id);
        }
        audit.record("aportacion-quitada", school + " #" + id, "");
    }

    @Override
    public CollectiveText writeText(Cct school, String session, TextKind kind, String text, long expectedVersion,
            String author) {
        school(school);
        String key = session(session);
        String value = limited("texto", text, 8000, false);
        database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM exchange_text WHERE cct = ? AND"
                    + " session_key = ? AND kind = ?", row -> row.getLong(1), school.value(), key, kind.wireName());
            String record = "El texto «" + kind.title() + "»";
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw new StaleVersionException(record, expectedVersion, 0);
                }
                Sql.insert(connection, "INSERT INTO exchange_text (cct, session_key, kind, text, updated_by,"
                        + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)", school.value(), key, kind.wireName(),
                        value, author, clock.instant());
            } else if (Sql.update(connection, "UPDATE exchange_text SET text = ?, updated_by = ?, updated_at = ?,"
                    + " version = version + 1 WHERE cct = ? AND session_key = ? AND kind = ? AND version = ?", value,
                    author, clock.instant(), school.value(), key, kind.wireName(), expectedVersion) == 0) {
                throw new StaleVersionException(record, expectedVersion, current.get());
            }
            return null;
        });
        audit.record("texto-colectivo-guardado", school + " " + key + " " + kind.wireName(), "");
        return texts(school, key).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- activity 20

    @Override
    public Presentation draft(Cct school, String session, String period) {
        school(school);
        String key = session(session);
        Period checked;
        try {
            checked = new Period(period == null ? "" : period);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("periodo: " + e.getMessage());
        }
        List<String> problem = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        List<String> practices = new ArrayList<>();
        Set<String> areas = new LinkedHashSet<>();
        Set<Integer> grades = new TreeSet<>();
        ResultsAnalysis analysis = results;
        if (analysis != null) {
            for (ConcentrateItem item : analysis.concentrate(school, checked).items()) {
                String where = (item.area().isEmpty() ? "" : item.area()) + (item.grades().isEmpty() ? ""
                        : (item.area().isEmpty() ? "" : ", ") + item.grades().stream().map(g -> g + "°")
                                .collect(Collectors.joining(", ")));
                String line = item.text() + (where.isEmpty() ? "" : " (" + where + ")");
                if (item.kind() == ConcentrateItem.Kind.DESAFIO) {
                    problem.add(line);
                    if (!item.area().isEmpty()) {
                        areas.add(item.area());
                    }
                    grades.addAll(item.grades());
                } else {
                    outcomes.add("Logrado: " + line);
                }
            }
            for (GradeCoincidences grade : analysis.coincidences(school, checked)) {
                Map<SynthesisFrame, String> synthesis = grade.teamWork().synthesis();
                addIfPresent(causes, synthesis.get(SynthesisFrame.SIN_AVANCE));
                addIfPresent(causes, synthesis.get(SynthesisFrame.NO_FUNCIONARON));
                addIfPresent(practices, synthesis.get(SynthesisFrame.FUNCIONARON));
                addIfPresent(outcomes, synthesis.get(SynthesisFrame.AVANCES));
            }
        }
        InterventionCards library = cards;
        if (library != null) {
            for (InterventionCard card : library.search(school, new CardQuery("", 0, null, checked.key()))) {
                String doing = card.content().classroomActions().isEmpty() ? card.content().schoolActions()
                        : card.content().classroomActions();
                actions.add(card.content().title() + (doing.isEmpty() ? "" : ": " + doing));
                card.followUps().stream().filter(f -> f.applied() && !f.observedResults().isEmpty())
                        .forEach(f -> outcomes.add(card.content().title() + ": " + f.observedResults()));
                if (card.decision() == Decision.ESTRATEGIA_GLOBAL) {
                    practices.add(card.content().title() + " (incorporada a la Estrategia Global)");
                }
            }
        }
        Logbook agreements = logbook;
        if (agreements != null) {
            for (Agreement agreement : agreements.ofSession(school, key)) {
                actions.add("Acuerdo: " + agreement.content().text());
            }
        }
        ResourceCatalogue resources = catalogue;
        if (resources != null) {
            resources.selection(school, checked.key()).stream().filter(s -> s.resource() != null)
                    .forEach(s -> practices.add("Recurso: " + s.resource().content().title()));
        }
        return new Presentation(school, key, bullets(problem), bullets(causes), bullets(actions), bullets(outcomes),
                bullets(practices), List.copyOf(areas), List.copyOf(grades), null, 0);
    }

    private static void addIfPresent(List<String> lines, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text.strip());
        }
    }

    private static String bullets(List<String> lines) {
        String text = lines.stream().distinct().map(l -> "• " + l).collect(Collectors.joining("\n"));
        return text.length() > LONG_TEXT ? text.substring(0, LONG_TEXT) : text;
    }

    @Override
    public Optional<Presentation> presentation(Cct school, String session) {
        String key = session(session);
        return database.inTransaction(connection -> Sql.first(connection, "SELECT * FROM exchange_presentation"
                + " WHERE cct = ? AND session_key = ?", ExchangeService::presentation, school.value(), key));
    }

    private static Presentation presentation(ResultSet row) throws SQLException {
        String grades = row.getString("grades");
        String areas = row.getString("areas");
        return new Presentation(Cct.parse(row.getString("cct")), row.getString("session_key"),
                row.getString("problem"), row.getString("causes"), row.getString("actions"),
                row.getString("results"), row.getString("practices"),
                areas.isEmpty() ? List.of() : List.of(areas.split("\\|")),
                grades.isEmpty() ? List.of() : Arrays.stream(grades.split(",")).map(Integer::valueOf).toList(),
                Sql.instant(row, "published_at"), row.getLong("version"));
    }

    @Override
    public Presentation savePresentation(Cct cct, Presentation presentation, long expectedVersion, String author) {
        School school = school(cct);
        String key = session(presentation.session());
        List<String> problems = new ArrayList<>();
        String[][] fields = {{"problema", presentation.problem()}, {"causas", presentation.causes()},
            {"acciones", presentation.actions()}, {"resultados", presentation.results()},
            {"practicas", presentation.practices()}};
        for (String[] field : fields) {
            TextFields.problem(field[0], field[1], LONG_TEXT, false).ifPresent(problems::add);
        }
        if (presentation.problem().isEmpty()) {
            problems.add("problema: describa la problemática de la escuela");
        }
        presentation.grades().stream().filter(g -> g < 1 || g > school.level().grades()).forEach(g -> problems.add(
                "grados: " + g + " no existe en " + school.level().wireName()));
        presentation.areas().stream().filter(a -> a.isBlank() || a.length() > 60 || a.contains("|"))
                .forEach(a -> problems.add("areas: '" + a + "' debe tener de 1 a 60 caracteres, sin |"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String areas = String.join("|", presentation.areas());
        String grades = presentation.grades().stream().map(String::valueOf).collect(Collectors.joining(","));
        database.inTransaction(connection -> {
            Optional<Long> current = Sql.first(connection, "SELECT version FROM exchange_presentation WHERE cct = ?"
                    + " AND session_key = ?", row -> row.getLong(1), cct.value(), key);
            if (current.isEmpty()) {
                if (expectedVersion != 0) {
                    throw new StaleVersionException("La presentación de la escuela", expectedVersion, 0);
                }
                Sql.insert(connection, "INSERT INTO exchange_presentation (cct, session_key, zone_key, problem, causes,"
                        + " actions, results, practices, areas, grades, updated_by, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", cct.value(), key, school.zone().key(),
                        presentation.problem(), presentation.causes(), presentation.actions(),
                        presentation.results(), presentation.practices(), areas, grades, author, clock.instant());
            } else if (Sql.update(connection, "UPDATE exchange_presentation SET zone_key = ?, problem = ?, causes = ?,"
                    + " actions = ?, results = ?, practices = ?, areas = ?, grades = ?, updated_by = ?,"
                    + " updated_at = ?, version = version + 1 WHERE cct = ? AND session_key = ? AND version = ?",
                    school.zone().key(), presentation.problem(), presentation.causes(), presentation.actions(),
                    presentation.results(), presentation.practices(), areas, grades, author, clock.instant(),
                    cct.value(), key, expectedVersion) == 0) {
                throw new StaleVersionException("La presentación de la escuela", expectedVersion, current.get());
            }
            return null;
        });
        audit.record("presentacion-guardada", cct + " " + key, "");
        Presentation saved = presentation(cct, key).orElseThrow();
        if (saved.published()) {
            index.put(document(saved, school));
        }
        return saved;
    }

    @Override
    public Presentation publish(Cct cct, String session, boolean published, String author) {
        School school = school(cct);
        String key = session(session);
        int changed = database.inTransaction(connection -> Sql.update(connection, "UPDATE exchange_presentation SET"
                + " published_at = ? WHERE cct = ? AND session_key = ?", published ? clock.instant() : null,
                cct.value(), key));
        if (changed == 0) {
            throw new NoSuchElementException("La escuela " + cct + " no ha guardado su presentación de " + key);
        }
        Presentation saved = presentation(cct, key).orElseThrow();
        if (published) {
            index.put(document(saved, school));
        } else {
            index.delete(documentId(cct, key));
        }
        audit.record(published ? "presentacion-publicada" : "presentacion-retirada", cct + " " + key, "");
        return saved;
    }

    // ---------------------------------------------------------------- the index of published presentations

    private static String documentId(Cct cct, String session) {
        return cct.value() + "|" + session;
    }

    private static IndexedDocument document(Presentation presentation, School school) {
        return new IndexedDocument(documentId(presentation.school(), presentation.session()),
                Map.of("problema", presentation.problem(), "causas", presentation.causes(), "acciones",
                        presentation.actions(), "resultados", presentation.results()),
                Map.of("sesion", List.of(presentation.session()), "zona", List.of(school.zone().key()),
                        "entidad", List.of(school.state().code())));
    }

    private void reindexIfBehind() {
        List<Presentation> published = database.inTransaction(connection -> Sql.query(connection,
                "SELECT * FROM exchange_presentation WHERE published_at IS NOT NULL", ExchangeService::presentation));
        if (published.size() == index.count()) {
            return;
        }
        LOG.info("The exchange's search index has {} presentations and the tables {}: rebuilding it", index.count(),
                published.size());
        index.clear();
        List<IndexedDocument> documents = new ArrayList<>();
        for (Presentation presentation : published) {
            directory.school(presentation.school()).ifPresent(s -> documents.add(document(presentation, s)));
        }
        index.putAll(documents);
    }

    // ---------------------------------------------------------------- matching

    @Override
    public Matching suggestZone(ZoneId zone, String session, int groupSize) {
        List<Cct> schools = directory.schools(zone).stream().map(School::cct).toList();
        return suggest(zone.key(), session(session), schools, Map.of("zona", List.of(zone.key())), groupSize,
                "zone_key = ?", zone.key());
    }

    @Override
    public Matching suggestState(State state, String session, int groupSize) {
        List<Cct> schools = new ArrayList<>();
        for (Zone zone : directory.zones(state)) {
            directory.schools(zone.id()).forEach(s -> schools.add(s.cct()));
        }
        return suggest(state.code(), session(session), schools, Map.of("entidad", List.of(state.code())),
                groupSize, "cct LIKE ?", state.code() + "%");
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
                ExchangeService::presentation, session, value))
                .stream().filter(p -> inScope.contains(p.school().value())).forEach(p -> published.put(p.school(), p));
        Map<String, List<String>> filters = new HashMap<>(filter);
        filters.put("sesion", List.of(session));
        // Every school's closest peers: ten within a zone (a zone has 10 to 20 schools), five across a state.
        int candidates = Math.min(filter.containsKey("zona") ? 10 : 5, Math.max(1, published.size() - 1));
        Map<String, SchoolMatch> pairs = new HashMap<>();
        Map<String, List<SimilarDocument>> similarities = index.similarAll(published.keySet().stream()
                .map(c -> documentId(c, session)).toList(), TEXT_FIELDS, filters, candidates);
        for (Presentation presentation : published.values()) {
            for (SimilarDocument similar : similarities.getOrDefault(documentId(presentation.school(), session),
                    List.of())) {
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
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public List<ExchangeGroup> confirmGroups(ZoneId zone, String session, List<List<Cct>> groups, String author) {
        String key = session(session);
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
            Sql.update(connection, "DELETE FROM exchange_group WHERE zone_key = ? AND session_key = ?", zone.key(), key);
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

    @Override
    public List<ExchangeGroup> groups(ZoneId zone, String session) {
        String key = session(session);
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

    @Override
    public List<Cct> peers(Cct cct, String session) {
        School school = school(cct);
        String key = session(session);
        return database.inTransaction(connection -> groups(connection, school.zone().key(), key)).stream()
                .filter(g -> g.schools().contains(cct)).findFirst()
                .map(g -> g.schools().stream().filter(c -> !c.equals(cct)).toList()).orElse(List.of());
    }

    @Override
    public PeerMessage send(Cct from, String session, Cct to, MessageKind kind, String text, String author) {
        String key = session(session);
        if (!peers(from, key).contains(to)) {
            throw new SecurityException("La escuela " + to + " no está en el grupo de intercambio de " + from);
        }
        if (kind == null) {
            throw new IllegalArgumentException("tipo: indique recomendacion, estrategia, recurso o propuesta");
        }
        String value = limited("texto", text, LONG_TEXT, true);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO exchange_message"
                + " (session_key, from_cct, to_cct, kind, text, author, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", key,
                from.value(), to.value(), kind.wireName(), value, author, now));
        audit.record("mensaje-intercambio", from + " → " + to + " " + key, kind.title());
        return new PeerMessage(id, key, from, to, kind, value, author, now);
    }

    @Override
    public List<PeerMessage> messages(Cct school, String session) {
        String key = session(session);
        return database.inTransaction(connection -> Sql.query(connection, "SELECT id, session_key, from_cct, to_cct,"
                + " kind, text, author, sent_at FROM exchange_message WHERE session_key = ? AND (from_cct = ?"
                + " OR to_cct = ?) ORDER BY id", row -> new PeerMessage(row.getLong(1), row.getString(2),
                        Cct.parse(row.getString(3)), Cct.parse(row.getString(4)), MessageKind.parse(row.getString(5)),
                        row.getString(6), row.getString(7), Sql.instant(row, "sent_at")), key, school.value(),
                school.value()));
    }

    private void requirePeer(Cct school, String session, Cct peer) {
        if (!peers(school, session).contains(peer)) {
            throw new SecurityException("La escuela " + peer + " no está en el grupo de intercambio de " + school);
        }
    }

    @Override
    public Optional<Presentation> peerPresentation(Cct school, String session, Cct peer) {
        String key = session(session);
        requirePeer(school, key, peer);
        return presentation(peer, key).filter(Presentation::published);
    }

    @Override
    public List<InterventionCard> peerCards(Cct school, String session, Cct peer) {
        String key = session(session);
        requirePeer(school, key, peer);
        InterventionCards library = cards;
        if (library == null) {
            throw new IllegalStateException("El módulo de tarjetas de intervención no está instalado");
        }
        return library.search(peer, CardQuery.all());
    }

    @Override
    public InterventionCard copyCard(Cct school, String session, Cct peer, long cardId, String author) {
        String key = session(session);
        requirePeer(school, key, peer);
        InterventionCards library = cards;
        if (library == null) {
            throw new IllegalStateException("El módulo de tarjetas de intervención no está instalado");
        }
        InterventionCard copy = library.copy(peer, cardId, school, author);
        audit.record("tarjeta-copiada-de-par", school + " ← " + peer + " #" + cardId, copy.content().title());
        return copy;
    }
}
