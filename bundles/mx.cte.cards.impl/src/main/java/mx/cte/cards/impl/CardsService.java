package mx.cte.cards.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.TextFields;
import mx.cte.cards.api.Attribution;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.FollowUp;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.cards.api.Material;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.Period;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The school's card library in the platform database (tables {@code cards_*}). Challenges link to the concentrate of
 * the results module while it is installed; without it a card names its challenges in words and keeps working.
 */
@Component(service = InterventionCards.class)
public final class CardsService implements InterventionCards {

    static final String MODULE = "cards";
    static final String CHANGELOG = "mx/cte/cards/impl/db/changelog.xml";
    private static final int LONG_TEXT = 4000;

    private final Database database;
    private final SchoolDirectory directory;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultsAnalysis results;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResourceCatalogue catalogue;

    @Activate
    public CardsService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference Accounts accounts, @Reference AuditLog audit) {
        this(database, directory, accounts, audit, Clock.systemUTC(), null);
    }

    CardsService(Database database, SchoolDirectory directory, Accounts accounts, AuditLog audit, Clock clock,
            ResultsAnalysis results) {
        this.database = database;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.results = results;
        database.migrate(MODULE, CardsService.class.getClassLoader(), CHANGELOG);
    }

    // ---------------------------------------------------------------- validation

    private School school(Cct cct) {
        return directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
    }

    private static void limit(List<String> problems, String field, String value, int max, boolean required) {
        TextFields.problem(field, value, max, required).ifPresent(problems::add);
    }

    /** The draft with its challenges completed from the concentrate, or every problem it has, by field. */
    private CardDraft checked(Cct cct, CardDraft draft) {
        School school = school(cct);
        List<String> problems = new ArrayList<>();
        Period period = null;
        try {
            period = new Period(draft.period());
        } catch (IllegalArgumentException e) {
            problems.add("periodo: " + e.getMessage());
        }
        limit(problems, "sesion", draft.session(), 120, true);
        limit(problems, "titulo", draft.title(), 200, true);
        limit(problems, "descripcion", draft.description(), LONG_TEXT, false);
        limit(problems, "accionesAula", draft.classroomActions(), LONG_TEXT, false);
        limit(problems, "accionesEscuela", draft.schoolActions(), LONG_TEXT, false);
        if (draft.classroomActions().isEmpty() && draft.schoolActions().isEmpty()) {
            problems.add("acciones: escriba las acciones en el aula, en la escuela o ambas");
        }
        limit(problems, "adecuaciones", draft.adequations(), LONG_TEXT, false);
        limit(problems, "instrumentos", draft.instruments(), LONG_TEXT, false);
        if (draft.grades().isEmpty()) {
            problems.add("grados: indique al menos un grado");
        }
        for (int grade : draft.grades()) {
            if (grade < 1 || grade > school.level().grades()) {
                problems.add("grados: " + grade + " no existe en " + school.level().wireName() + " (grados 1 a "
                        + school.level().grades() + ")");
            }
        }
        List<String> groups = new ArrayList<>();
        for (String group : draft.groups()) {
            Optional<String> known = school.groups().stream().filter(g -> g.name().equalsIgnoreCase(group)
                    && g.grades().stream().anyMatch(draft.grades()::contains)).map(g -> g.name()).findFirst();
            if (known.isEmpty()) {
                problems.add("grupos: la escuela no tiene el grupo " + group + " en los grados " + draft.grades());
            } else {
                groups.add(known.get());
            }
        }
        if (draft.durationWeeks() < 1 || draft.durationWeeks() > 40) {
            problems.add("semanas: la duración va de 1 a 40 semanas");
        }
        if (draft.responsibles().isEmpty()) {
            problems.add("responsables: nombre al menos a un responsable");
        } else {
            Set<String> staff = accounts.staffOf(cct).stream().map(Account::username).collect(Collectors.toSet());
            draft.responsibles().stream().filter(r -> !staff.contains(r)).forEach(r -> problems.add(
                    "responsables: '" + r + "' no es personal de la escuela " + cct));
        }
        List<Material> materials = materials(cct, draft.materials(), problems);
        List<Challenge> challenges = period == null ? draft.challenges()
                : challenges(cct, period, draft.challenges(), problems);
        if (draft.challenges().isEmpty()) {
            problems.add("desafios: indique al menos un desafío que atiende la propuesta");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new CardDraft(draft.period(), draft.session(), challenges, draft.title(), draft.description(),
                draft.classroomActions(), draft.schoolActions(), materials, draft.adequations(),
                draft.instruments(), draft.grades(), groups, draft.durationWeeks(), draft.responsibles());
    }

    /**
     * Materials chosen from the catalogue (activity 9) take their title from it; without the catalogue module a
     * material is named by hand.
     */
    private List<Material> materials(Cct cct, List<Material> given, List<String> problems) {
        ResourceCatalogue resources = catalogue;
        List<Material> resolved = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Material material = given.get(i);
            String field = "materiales[" + i + "]";
            if (material.catalogueId() != 0 && resources != null) {
                Optional<Resource> resource = resources.find(cct, material.catalogueId());
                if (resource.isEmpty()) {
                    problems.add(field + ": el catálogo de la escuela no tiene el recurso " + material.catalogueId());
                } else {
                    resolved.add(new Material(material.catalogueId(), resource.get().content().title()));
                }
                continue;
            }
            Optional<String> problem = material.title().isEmpty() && material.catalogueId() != 0
                    ? Optional.of(field + ".titulo: el catálogo de recursos no está instalado para tomar el título"
                            + " del recurso " + material.catalogueId() + "; escríbalo")
                    : TextFields.problem(field + ".titulo", material.title(), 300, true);
            problem.ifPresentOrElse(problems::add, () -> resolved.add(material));
        }
        return resolved;
    }

    void useCatalogue(ResourceCatalogue resources) {
        this.catalogue = resources;
    }

    /** Linked challenges take their words from the concentrate, so the card reads the same when it changes later. */
    private List<Challenge> challenges(Cct cct, Period period, List<Challenge> given, List<String> problems) {
        ResultsAnalysis analysis = results;
        Map<Long, ConcentrateItem> concentrate = new HashMap<>();
        if (analysis != null && given.stream().anyMatch(c -> c.concentrateItemId() != 0)) {
            analysis.concentrate(cct, period).items().forEach(i -> concentrate.put(i.id(), i));
        }
        List<Challenge> resolved = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Challenge challenge = given.get(i);
            String field = "desafios[" + i + "]";
            if (challenge.concentrateItemId() != 0 && analysis != null) {
                ConcentrateItem item = concentrate.get(challenge.concentrateItemId());
                if (item == null || item.kind() != ConcentrateItem.Kind.DESAFIO) {
                    problems.add(field + ": el concentrado de " + period.displayName() + " no tiene el desafío "
                            + challenge.concentrateItemId());
                    continue;
                }
                resolved.add(new Challenge(item.id(), item.text()));
            } else if (challenge.text().isEmpty()) {
                problems.add(field + (challenge.concentrateItemId() != 0
                        ? ": el módulo de análisis de resultados no está instalado para vincular el renglón "
                                + challenge.concentrateItemId() + "; escriba el desafío"
                        : ": escriba el desafío o vincúlelo a un renglón del concentrado"));
            } else if (challenge.text().length() > 1000) {
                problems.add(field + ": tiene más de 1000 caracteres");
            } else {
                resolved.add(challenge);
            }
        }
        return resolved;
    }

    /** Lower case without accents, so that "evaluacion" finds "Evaluación". */
    static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
    }

    private static String searchText(CardDraft draft) {
        List<String> parts = new ArrayList<>(List.of(draft.title(), draft.description(), draft.classroomActions(),
                draft.schoolActions(), draft.adequations(), draft.instruments()));
        draft.challenges().forEach(c -> parts.add(c.text()));
        draft.materials().forEach(m -> parts.add(m.title()));
        String text = folded(String.join(" \n ", parts));
        return text.length() > 30000 ? text.substring(0, 30000) : text;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public InterventionCard create(Cct school, CardDraft draft, String author) {
        return create(school, draft, author, null);
    }

    private InterventionCard create(Cct school, CardDraft draft, String author, Attribution origin) {
        CardDraft card = checked(school, draft);
        long id = database.inTransaction(connection -> {
            Instant now = clock.instant();
            long added = Sql.insert(connection, "INSERT INTO cards_card (cct, period, session_key, title, description,"
                    + " classroom_actions, school_actions, adequations, instruments, grades, group_names,"
                    + " duration_weeks, decision, decision_note, search_text, created_by, created_at, updated_by,"
                    + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 1)",
                    school.value(), card.period(), card.session(), card.title(), card.description(),
                    card.classroomActions(), card.schoolActions(), card.adequations(), card.instruments(),
                    joined(card.grades()), String.join(",", card.groups()), card.durationWeeks(),
                    Decision.PENDIENTE.wireName(), searchText(card), author, now, author, now);
            writeChildren(connection, added, card);
            if (origin != null) {
                Sql.update(connection, "UPDATE cards_card SET copied_from_cct = ?, copied_from_id = ?,"
                        + " copied_from_title = ? WHERE id = ?", origin.school().value(), origin.cardId(),
                        origin.title(), added);
            }
            return added;
        });
        audit.record(origin == null ? "tarjeta-creada" : "tarjeta-copiada", school + " #" + id, card.title()
                + (origin == null ? "" : " (de " + origin.school() + " #" + origin.cardId() + ")"));
        return card(school, id);
    }

    @Override
    public InterventionCard copy(Cct from, long id, Cct to, String author) {
        InterventionCard source = card(from, id);
        CardDraft content = source.content();
        int grades = directory.school(to).map(s -> s.level().grades()).orElse(0);
        CardDraft copy = new CardDraft(content.period(), content.session(),
                content.challenges().stream().map(c -> new Challenge(0, c.text())).toList(), content.title(),
                content.description(), content.classroomActions(), content.schoolActions(),
                content.materials().stream().map(m -> new Material(0, m.title())).toList(), content.adequations(),
                content.instruments(), content.grades().stream().filter(g -> g <= grades).toList(), List.of(),
                content.durationWeeks(), List.of(author));
        return create(to, copy, author, new Attribution(from, id, content.title()));
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void writeChildren(Connection connection, long id, CardDraft card) throws SQLException {
        for (String table : List.of("cards_challenge", "cards_material", "cards_responsible")) {
            Sql.update(connection, "DELETE FROM " + table + " WHERE card_id = ?", id);
        }
        for (int i = 0; i < card.challenges().size(); i++) {
            Challenge challenge = card.challenges().get(i);
            Sql.update(connection, "INSERT INTO cards_challenge (card_id, position, concentrate_item_id, text)"
                    + " VALUES (?, ?, ?, ?)", id, i, challenge.concentrateItemId(), challenge.text());
        }
        for (int i = 0; i < card.materials().size(); i++) {
            Material material = card.materials().get(i);
            Sql.update(connection, "INSERT INTO cards_material (card_id, position, catalogue_id, title)"
                    + " VALUES (?, ?, ?, ?)", id, i, material.catalogueId(), material.title());
        }
        for (String responsible : card.responsibles()) {
            Sql.update(connection, "INSERT INTO cards_responsible (card_id, username) VALUES (?, ?)", id,
                    responsible);
        }
    }

    private long currentVersion(Connection connection, Cct school, long id) throws SQLException {
        return Sql.first(connection, "SELECT version FROM cards_card WHERE id = ? AND cct = ?", row -> row.getLong(1),
                id, school.value()).orElseThrow(() -> new NoSuchElementException("La escuela " + school
                        + " no tiene la tarjeta " + id));
    }

    @Override
    public InterventionCard update(Cct school, long id, CardDraft draft, long expectedVersion, String author) {
        CardDraft card = checked(school, draft);
        database.inTransaction(connection -> {
            long current = currentVersion(connection, school, id);
            Sql.updateVersioned(connection, "La tarjeta " + id, expectedVersion, current, "UPDATE cards_card SET"
                    + " period = ?, session_key = ?, title = ?, description = ?, classroom_actions = ?,"
                    + " school_actions = ?, adequations = ?, instruments = ?, grades = ?, group_names = ?,"
                    + " duration_weeks = ?, search_text = ?, updated_by = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND cct = ? AND version = ?", card.period(), card.session(), card.title(),
                    card.description(), card.classroomActions(), card.schoolActions(), card.adequations(),
                    card.instruments(), joined(card.grades()), String.join(",", card.groups()), card.durationWeeks(),
                    searchText(card), author, clock.instant(), id, school.value());
            writeChildren(connection, id, card);
            return null;
        });
        audit.record("tarjeta-cambiada", school + " #" + id, card.title());
        return card(school, id);
    }

    @Override
    public void remove(Cct school, long id, long expectedVersion, String author) {
        InterventionCard card = card(school, id);
        if (!card.followUps().isEmpty()) {
            throw new IllegalArgumentException("tarjeta: la tarjeta " + id + " ya tiene seguimiento y forma parte de"
                    + " la historia de la escuela; no se puede quitar");
        }
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "La tarjeta " + id, expectedVersion, card.version(),
                    "DELETE FROM cards_card WHERE id = ? AND cct = ? AND version = ?", id, school.value());
            return null;
        });
        audit.record("tarjeta-quitada", school + " #" + id, card.content().title());
    }

    private static String commentText(String text) {
        String comment = text == null ? "" : text.strip();
        if (comment.isEmpty() || comment.length() > 2000) {
            throw new IllegalArgumentException("texto: escriba el comentario (a lo más 2000 caracteres)");
        }
        return comment;
    }

    /** Who wrote a comment of the school's card; the card and the comment must exist. */
    private String commentAuthor(Connection connection, Cct school, long id, long commentId) throws SQLException {
        currentVersion(connection, school, id);
        return Sql.first(connection, "SELECT author FROM cards_comment WHERE id = ? AND card_id = ?",
                row -> row.getString(1), commentId, id).orElseThrow(() -> new NoSuchElementException(
                        "La tarjeta " + id + " no tiene el comentario " + commentId));
    }

    @Override
    public InterventionCard changeComment(Cct school, long id, long commentId, boolean suggestion, String text,
            String author) {
        String comment = commentText(text);
        database.inTransaction(connection -> {
            if (!commentAuthor(connection, school, id, commentId).equals(author)) {
                throw new SecurityException("Solo quien escribió el comentario lo cambia");
            }
            return Sql.update(connection, "UPDATE cards_comment SET suggestion = ?, text = ? WHERE id = ?",
                    suggestion, comment, commentId);
        });
        audit.record("tarjeta-comentario-cambiado", school + " #" + id + " comentario " + commentId, comment);
        return card(school, id);
    }

    @Override
    public InterventionCard removeComment(Cct school, long id, long commentId, String by, boolean director) {
        database.inTransaction(connection -> {
            String writtenBy = commentAuthor(connection, school, id, commentId);
            if (!director && !writtenBy.equals(by)) {
                throw new SecurityException("Solo quien escribió el comentario o la dirección de la escuela lo quitan");
            }
            return Sql.update(connection, "DELETE FROM cards_comment WHERE id = ?", commentId);
        });
        audit.record("tarjeta-comentario-quitado", school + " #" + id + " comentario " + commentId, by);
        return card(school, id);
    }

    @Override
    public CardComment comment(Cct school, long id, boolean suggestion, String text, String author) {
        String comment = commentText(text);
        CardComment added = database.inTransaction(connection -> {
            currentVersion(connection, school, id);
            long commentId = Sql.insert(connection, "INSERT INTO cards_comment (card_id, suggestion, text, author,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", id, suggestion, comment, author, clock.instant());
            // Read back as stored: the database keeps the time to the microsecond, the clock may give nanoseconds.
            return Sql.first(connection, "SELECT id, suggestion, text, author, created_at FROM cards_comment"
                    + " WHERE id = ?", CardsService::commentRow, commentId).orElseThrow();
        });
        audit.record(suggestion ? "tarjeta-sugerencia" : "tarjeta-comentario", school + " #" + id, comment);
        return added;
    }

    private static CardComment commentRow(ResultSet row) throws SQLException {
        return new CardComment(row.getLong("id"), row.getBoolean("suggestion"), row.getString("text"),
                row.getString("author"), Sql.instant(row, "created_at"));
    }

    @Override
    public InterventionCard decide(Cct school, long id, Decision decision, String note, long expectedVersion,
            String author) {
        if (decision == null) {
            throw new IllegalArgumentException("decision: use pendiente, estrategia-global o redisenar");
        }
        String why = note == null ? "" : note.strip();
        if (why.length() > 2000) {
            throw new IllegalArgumentException("nota: tiene más de 2000 caracteres");
        }
        database.inTransaction(connection -> {
            long current = currentVersion(connection, school, id);
            Sql.updateVersioned(connection, "La tarjeta " + id, expectedVersion, current, "UPDATE cards_card SET"
                    + " decision = ?, decision_note = ?, updated_by = ?, updated_at = ?, version = version + 1"
                    + " WHERE id = ? AND cct = ? AND version = ?", decision.wireName(), why, author, clock.instant(),
                    id, school.value());
            return null;
        });
        audit.record("tarjeta-decision", school + " #" + id, decision.title());
        return card(school, id);
    }

    @Override
    public InterventionCard followUp(Cct school, long id, String session, boolean applied, String observedResults,
            String author) {
        String key = session == null ? "" : session.strip();
        String observed = observedResults == null ? "" : observedResults.strip();
        List<String> problems = new ArrayList<>();
        limit(problems, "sesion", key, 120, true);
        limit(problems, "resultados", observed, LONG_TEXT, applied);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        database.inTransaction(connection -> {
            currentVersion(connection, school, id);
            return Sql.insert(connection, "INSERT INTO cards_follow_up (card_id, session_key, applied, observed,"
                    + " author, created_at) VALUES (?, ?, ?, ?, ?, ?)", id, key, applied, observed, author,
                    clock.instant());
        });
        audit.record("tarjeta-seguimiento", school + " #" + id, applied ? "aplicada" : "no aplicada");
        return card(school, id);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public InterventionCard card(Cct school, long id) {
        List<InterventionCard> found = load("cct = ? AND id = ?", school.value(), id);
        if (found.isEmpty()) {
            throw new NoSuchElementException("La escuela " + school + " no tiene la tarjeta " + id);
        }
        return found.get(0);
    }

    @Override
    public List<InterventionCard> search(Cct school, CardQuery query) {
        StringBuilder where = new StringBuilder("cct = ?");
        List<Object> parameters = new ArrayList<>(List.of(school.value()));
        for (String word : folded(query.text()).split("\\s+")) {
            if (!word.isEmpty()) {
                where.append(" AND search_text LIKE ? ESCAPE '\\'");
                parameters.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (query.grade() != 0) {
            where.append(" AND (',' || grades || ',') LIKE ?");
            parameters.add("%," + query.grade() + ",%");
        }
        if (query.decision() != null) {
            where.append(" AND decision = ?");
            parameters.add(query.decision().wireName());
        }
        if (!query.period().isEmpty()) {
            where.append(" AND period = ?");
            parameters.add(query.period());
        }
        return load(where.toString(), parameters.toArray());
    }

    /** Cards matching {@code where} with everything they carry, in one query per table rather than per card. */
    private List<InterventionCard> load(String where, Object... parameters) {
        String ids = "SELECT id FROM cards_card WHERE " + where;
        return database.inTransaction(connection -> {
            Map<Long, List<Challenge>> challenges = new HashMap<>();
            Sql.query(connection, "SELECT card_id, concentrate_item_id, text FROM cards_challenge WHERE card_id IN ("
                    + ids + ") ORDER BY card_id, position", row -> {
                        challenges.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                                .add(new Challenge(row.getLong(2), row.getString(3)));
                        return null;
                    }, parameters);
            Map<Long, List<Material>> materials = new HashMap<>();
            Sql.query(connection, "SELECT card_id, catalogue_id, title FROM cards_material WHERE card_id IN (" + ids
                    + ") ORDER BY card_id, position", row -> {
                        materials.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                                .add(new Material(row.getLong(2), row.getString(3)));
                        return null;
                    }, parameters);
            Map<Long, List<String>> responsibles = new HashMap<>();
            Sql.query(connection, "SELECT card_id, username FROM cards_responsible WHERE card_id IN (" + ids
                    + ") ORDER BY card_id, username", row -> {
                        responsibles.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getString(2));
                        return null;
                    }, parameters);
            Map<Long, List<CardComment>> comments = new HashMap<>();
            Sql.query(connection, "SELECT card_id, id, suggestion, text, author, created_at FROM cards_comment"
                    + " WHERE card_id IN (" + ids + ") ORDER BY card_id, id", row -> {
                        comments.computeIfAbsent(row.getLong("card_id"), k -> new ArrayList<>()).add(commentRow(row));
                        return null;
                    }, parameters);
            Map<Long, List<FollowUp>> followUps = new HashMap<>();
            Sql.query(connection, "SELECT card_id, id, session_key, applied, observed, author, created_at"
                    + " FROM cards_follow_up WHERE card_id IN (" + ids + ") ORDER BY card_id, id", row -> {
                        followUps.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new FollowUp(
                                row.getLong(2), row.getString(3), row.getBoolean(4), row.getString(5),
                                row.getString(6), Sql.instant(row, "created_at")));
                        return null;
                    }, parameters);
            return Sql.query(connection, "SELECT id, cct, period, session_key, title, description, classroom_actions,"
                    + " school_actions, adequations, instruments, grades, group_names, duration_weeks, decision,"
                    + " decision_note, created_by, created_at, copied_from_cct, copied_from_id, copied_from_title,"
                    + " version FROM cards_card WHERE " + where
                    + " ORDER BY created_at DESC, id DESC", row -> {
                        long id = row.getLong("id");
                        CardDraft content = new CardDraft(row.getString("period"), row.getString("session_key"),
                                challenges.getOrDefault(id, List.of()), row.getString("title"),
                                row.getString("description"), row.getString("classroom_actions"),
                                row.getString("school_actions"), materials.getOrDefault(id, List.of()),
                                row.getString("adequations"), row.getString("instruments"),
                                numbers(row.getString("grades")), names(row.getString("group_names")),
                                row.getInt("duration_weeks"), responsibles.getOrDefault(id, List.of()));
                        return new InterventionCard(id, Cct.parse(row.getString("cct")), content,
                                Decision.parse(row.getString("decision")), row.getString("decision_note"),
                                comments.getOrDefault(id, List.of()), followUps.getOrDefault(id, List.of()),
                                row.getString("created_by"), Sql.instant(row, "created_at"),
                                row.getString("copied_from_cct") == null ? null : new Attribution(
                                        Cct.parse(row.getString("copied_from_cct")), row.getLong("copied_from_id"),
                                        row.getString("copied_from_title")), row.getLong("version"));
                    }, parameters);
        });
    }

    private static List<Integer> numbers(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }

    private static List<String> names(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }
}
