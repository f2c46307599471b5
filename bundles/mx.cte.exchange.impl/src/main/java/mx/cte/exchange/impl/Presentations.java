package mx.cte.exchange.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.time.Clock;
import mx.cte.audit.api.AuditLog;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.core.api.errors.ConflictException;
import mx.cte.core.api.errors.TextFields;
import mx.cte.exchange.api.Presentation;
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
import mx.cte.schools.api.ZoneId;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.TextIndex;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.storage.api.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activity 20: each school's presentation of its problem, drafted from what the other modules hold (those missing
 * leave their part for the collective to write), saved with its version, and published to its zone, which puts it in
 * the Spanish search index the matching reads (table {@code exchange_presentation}).
 */
final class Presentations {

    /** The modules a draft is written from, each of them optional: null while it is not installed. */
    interface Sources {
        ResultsAnalysis results();

        InterventionCards cards();

        ResourceCatalogue catalogue();

        Logbook logbook();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Presentations.class);

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final TextIndex index;
    private final Clock clock;
    private final Sources sources;

    Presentations(Database database, SchoolDirectory directory, AuditLog audit, TextIndex index, Clock clock,
            Sources sources) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
        this.sources = sources;
    }

    Presentation draft(Cct school, String session, String period) {
        ExchangeRecords.school(directory, school);
        String key = ExchangeRecords.session(session);
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
        ResultsAnalysis analysis = sources.results();
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
        InterventionCards library = sources.cards();
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
        Logbook agreements = sources.logbook();
        if (agreements != null) {
            for (Agreement agreement : agreements.ofSession(school, key)) {
                actions.add("Acuerdo: " + agreement.content().text());
            }
        }
        ResourceCatalogue resources = sources.catalogue();
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
        return text.length() > ExchangeRecords.LONG_TEXT ? text.substring(0, ExchangeRecords.LONG_TEXT) : text;
    }

    Optional<Presentation> presentation(Cct school, String session) {
        String key = ExchangeRecords.session(session);
        return database.inTransaction(connection -> Sql.first(connection, "SELECT * FROM exchange_presentation"
                + " WHERE cct = ? AND session_key = ?", ExchangeRecords::presentation, school.value(), key));
    }

    Presentation savePresentation(Cct cct, Presentation presentation, long expectedVersion, String author) {
        School school = ExchangeRecords.school(directory, cct);
        String key = ExchangeRecords.session(presentation.session());
        List<String> problems = new ArrayList<>();
        String[][] fields = {{"problema", presentation.problem()}, {"causas", presentation.causes()},
            {"acciones", presentation.actions()}, {"resultados", presentation.results()},
            {"practicas", presentation.practices()}};
        for (String[] field : fields) {
            TextFields.problem(field[0], field[1], ExchangeRecords.LONG_TEXT, false).ifPresent(problems::add);
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
                Sql.insertFirstVersion(connection, "La presentación de la escuela", "INSERT INTO"
                        + " exchange_presentation (cct, session_key, zone_key, problem, causes, actions, results,"
                        + " practices, areas, grades, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, 1)", cct.value(), key, school.zone().key(), presentation.problem(),
                        presentation.causes(), presentation.actions(), presentation.results(),
                        presentation.practices(), areas, grades, author, clock.instant());
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
            index.put(ExchangeRecords.document(saved, school));
        }
        return saved;
    }

    Presentation publish(Cct cct, String session, boolean published, String author) {
        School school = ExchangeRecords.school(directory, cct);
        String key = ExchangeRecords.session(session);
        int changed = database.inTransaction(connection -> {
            // Once the supervision has formed the zone's groups with it, the presentation is what they were formed
            // from: it can no longer be withdrawn.
            if (!published && Sql.first(connection, "SELECT g.id FROM exchange_group g JOIN exchange_group_member m"
                    + " ON m.group_id = g.id WHERE g.session_key = ? AND m.cct = ?", row -> row.getLong(1), key,
                    cct.value()).isPresent()) {
                throw new ConflictException("La supervisión ya formó los grupos de intercambio con esta presentación;"
                        + " ya no puede retirarse. Pida a la supervisión que cambie los grupos si hace falta.");
            }
            return Sql.update(connection, "UPDATE exchange_presentation SET published_at = ? WHERE cct = ? AND"
                    + " session_key = ?", published ? clock.instant() : null, cct.value(), key);
        });
        if (changed == 0) {
            throw new NoSuchElementException("La escuela " + cct + " no ha guardado su presentación de " + key);
        }
        Presentation saved = presentation(cct, key).orElseThrow();
        if (published) {
            index.put(ExchangeRecords.document(saved, school));
        } else {
            index.delete(ExchangeRecords.documentId(cct, key));
        }
        audit.record(published ? "presentacion-publicada" : "presentacion-retirada", cct + " " + key, "");
        return saved;
    }

    List<Presentation> published(ZoneId zone, String session) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT * FROM exchange_presentation"
                + " WHERE zone_key = ? AND session_key = ? AND published_at IS NOT NULL ORDER BY cct",
                ExchangeRecords::presentation, zone.key(), ExchangeRecords.session(session)));
    }

    void reindexIfBehind() {
        List<Presentation> published = database.inTransaction(connection -> Sql.query(connection,
                "SELECT * FROM exchange_presentation WHERE published_at IS NOT NULL", ExchangeRecords::presentation));
        if (published.size() == index.count()) {
            return;
        }
        LOG.info("The exchange's search index has {} presentations and the tables {}: rebuilding it", index.count(),
                published.size());
        index.clear();
        List<IndexedDocument> documents = new ArrayList<>();
        for (Presentation presentation : published) {
            directory.school(presentation.school())
                    .ifPresent(s -> documents.add(ExchangeRecords.document(presentation, s)));
        }
        // Every node rebuilds from the same tables: nothing to tell the others.
        index.onThisNode().putAll(documents);
    }
}
