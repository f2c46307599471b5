package mx.cte.catalogue.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.AnnouncementListener;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.cache.RecentReads;
import mx.cte.core.api.errors.TextFields;
import mx.cte.catalogue.api.Classification;
import mx.cte.catalogue.api.Resource;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.catalogue.api.ResourceDraft;
import mx.cte.catalogue.api.ResourceKind;
import mx.cte.catalogue.api.ResourcePack;
import mx.cte.catalogue.api.ResourcePage;
import mx.cte.catalogue.api.ResourceQuery;
import mx.cte.catalogue.api.Selection;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.Period;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import mx.cte.trust.api.PublisherTrust;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue in the platform database (tables {@code catalogue_*}) with its Spanish search index. The tables are
 * the truth; the index is rebuilt from them when its count differs. Resource packs arrive through {@link PackTracker}.
 * The resources a search page shows, read in the last seconds, are answered from memory ({@link RecentReads}): a change
 * of a resource drops it at once here and, announced ({@value #TOPIC}), on the other nodes once it commits.
 */
@Component(service = {ResourceCatalogue.class, AnnouncementListener.class},
        property = AnnouncementListener.TOPIC + "=" + CatalogueService.TOPIC)
public final class CatalogueService implements ResourceCatalogue, AnnouncementListener {

    static final String TOPIC = "recursos-catalogo";

    static final String MODULE = "catalogue";
    static final String CHANGELOG = "mx/cte/catalogue/impl/db/changelog.xml";
    static final String CLASSIFICATION_PRODUCT = "clasificacion-recursos";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueService.class);
    private static final String ALL_SCHOOLS = "todas";
    private static final String ALL_GRADES = "todos";
    private static final Map<String, Float> FIELDS = Map.of("titulo", 4f, "areas", 2f, "autor", 1.5f,
            "descripcion", 1f);
    private static final String COLUMNS = "r.id, r.cct, r.pack_key, p.title AS pack_title, p.publisher AS pack_publisher,"
            + " r.title, r.kind, r.author, r.location, r.description, r.grades, r.areas, r.session_key, r.shared,"
            + " r.proposed_by, r.version";

    private final Database database;
    private final SchoolDirectory directory;
    private final AuditLog audit;
    private final TextIndex index;
    private final Clock clock;
    /** By bundle id: a bundle keeps its id across updates, not its name or version. */
    private final Map<Long, ResourcePack> refused = new ConcurrentHashMap<>();
    private final Map<String, ResourcePack> installed = new ConcurrentHashMap<>();
    private final Map<String, Long> installedBy = new ConcurrentHashMap<>();
    private PackTracker tracker;
    /** By id; a few thousand resources of a few hundred bytes to a few KB each. */
    private final RecentReads<Long, Resource> recentResources = new RecentReads<>(Duration.ofSeconds(5), 5_000);
    /**
     * Pages searched in the last seconds (a state's teachers looking for "lectura" on the same Friday), for as long
     * as the index is unchanged: a change made here drops them all, at once and when its unit of work ends; one made
     * on another node, when this node's copy of the index applies it or the announcement arrives.
     */
    private final RecentReads<SearchKey, ResourcePage> recentSearches = new RecentReads<>(Duration.ofSeconds(5),
            2_000);

    private record SearchKey(Cct school, ResourceQuery query, long indexGeneration) {
    }

    /** Optional: without it (a test, the cluster bundle being replaced) other nodes see a change within 5 s. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Cluster cluster;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GuideRegistry guides;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultsAnalysis results;

    @Activate
    public CatalogueService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference AuditLog audit, @Reference TextIndexes indexes, @Reference PublisherTrust trust,
            BundleContext context) {
        this(database, directory, audit, indexes.open(MODULE), Clock.systemUTC());
        tracker = new PackTracker(context, this, trust);
        tracker.open();
        withdrawPacksWithoutBundle();
    }

    /** Outside OSGi, without resource packs: for tests and the benchmark harness. */
    public CatalogueService(Database database, SchoolDirectory directory, AuditLog audit, TextIndex index,
            Clock clock) {
        this.database = database;
        this.directory = directory;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
        database.migrate(MODULE, CatalogueService.class.getClassLoader(), CHANGELOG);
        reindexIfBehind();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    void useGuides(GuideRegistry registry) {
        this.guides = registry;
    }

    void useResults(ResultsAnalysis analysis) {
        this.results = analysis;
    }

    /** Another node (or this one, heard back once the change committed) changed a resource, or several. */
    @Override
    public void announced(String message) {
        recentSearches.forgetAll();
        try {
            recentResources.forget(Long.valueOf(message));
        } catch (NumberFormatException several) {
            recentResources.forgetAll();
        }
    }

    private void changed(long id) {
        recentResources.forgetNowAndLater(key -> key == id, database::afterUnitOfWork);
        Cluster nodes = cluster;
        if (nodes != null) {
            // Joins the change's unit of work: heard (here too) once it commits.
            nodes.announce(TOPIC, String.valueOf(id));
        }
    }

    /**
     * The index changed: searches answer from it again, from now (a search that began before is not kept) and once
     * the change's unit of work ends. Other nodes drop theirs when they hear of the change.
     */
    private void searchesChanged() {
        recentSearches.forgetNowAndLater(key -> true, database::afterUnitOfWork);
    }

    /** A pack's resources changed: each node handles its own packs, so nothing is announced. */
    private void packsChanged() {
        recentResources.forgetNowAndLater(key -> true, database::afterUnitOfWork);
    }

    // ---------------------------------------------------------------- index

    private void reindexIfBehind() {
        long rows = database.inTransaction(connection -> Sql.first(connection,
                "SELECT COUNT(*) FROM catalogue_resource WHERE withdrawn = FALSE", row -> row.getLong(1)).orElse(0L));
        if (rows == index.count()) {
            return;
        }
        LOG.info("The catalogue's search index has {} documents and the tables {} resources: rebuilding it",
                index.count(), rows);
        index.clear();
        long[] last = {0};
        List<Resource> batch;
        do {
            batch = load("r.withdrawn = FALSE AND r.id > ? ORDER BY r.id FETCH FIRST 2000 ROWS ONLY", last[0]);
            // Every node rebuilds from the same tables: nothing to tell the others.
            index.onThisNode().putAll(batch.stream().map(CatalogueService::document).toList());
            batch.stream().mapToLong(Resource::id).max().ifPresent(id -> last[0] = id);
        } while (batch.size() == 2000);
    }

    private static IndexedDocument document(Resource resource) {
        ResourceDraft content = resource.content();
        Map<String, String> texts = new HashMap<>();
        texts.put("titulo", content.title());
        texts.put("autor", content.author());
        texts.put("descripcion", content.description());
        texts.put("areas", String.join(". ", content.areas()));
        Map<String, List<String>> keywords = new HashMap<>();
        List<String> visible = new ArrayList<>();
        if (resource.pack() != null) {
            visible.add(ALL_SCHOOLS);
            keywords.put("owner", List.of("pack:" + resource.pack().key()));
        } else {
            visible.add(resource.school().value());
            if (content.shared()) {
                visible.add(stateScope(resource.school().state().code()));
            }
            keywords.put("owner", List.of(resource.school().value()));
        }
        keywords.put("visible", visible);
        keywords.put("tipo", List.of(content.kind().wireName()));
        keywords.put("grado", content.grades().isEmpty() ? List.of(ALL_GRADES)
                : content.grades().stream().map(String::valueOf).toList());
        keywords.put("area", content.areas());
        keywords.put("criterio", resource.classifications().stream().map(c -> c.session() + "#" + c.criterion())
                .toList());
        return new IndexedDocument(String.valueOf(resource.id()), texts, keywords);
    }

    private static String stateScope(String stateCode) {
        return "estado-" + stateCode;
    }

    // ---------------------------------------------------------------- reads

    private List<Resource> load(String where, Object... parameters) {
        return database.inTransaction(connection -> load(connection, where, parameters));
    }

    private static List<Resource> load(Connection connection, String where, Object... parameters)
            throws SQLException {
        List<Resource> rows = Sql.query(connection, "SELECT " + COLUMNS + " FROM catalogue_resource r"
                + " LEFT JOIN catalogue_pack p ON p.pack_key = r.pack_key WHERE " + where,
                CatalogueService::resource, parameters);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Classification>> classifications = new HashMap<>();
        String ids = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        Sql.query(connection, "SELECT resource_id, session_key, criterion, label FROM catalogue_classification"
                + " WHERE resource_id IN (" + ids + ") ORDER BY resource_id, session_key, criterion", row -> {
                    classifications.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                            .add(new Classification(row.getString(2), row.getString(3), row.getString(4)));
                    return null;
                });
        return rows.stream().map(r -> new Resource(r.id(), r.school(), r.pack(), r.content(), r.proposedBy(),
                classifications.getOrDefault(r.id(), List.of()), r.version())).toList();
    }

    private static Resource resource(ResultSet row) throws SQLException {
        String cct = row.getString("cct");
        String pack = row.getString("pack_key");
        ResourceDraft content = new ResourceDraft(row.getString("title"), ResourceKind.parse(row.getString("kind")),
                row.getString("author"), row.getString("location"), row.getString("description"),
                row.getString("grades").isEmpty() ? List.of()
                        : Arrays.stream(row.getString("grades").split(",")).map(Integer::valueOf).toList(),
                row.getString("areas").isEmpty() ? List.of() : List.of(row.getString("areas").split("\\|")),
                row.getString("session_key"), row.getBoolean("shared"));
        return new Resource(row.getLong("id"), cct == null ? null : Cct.parse(cct),
                pack == null ? null : new Resource.PackRef(pack, row.getString("pack_title"),
                        row.getString("pack_publisher")),
                content, row.getString("proposed_by"), List.of(), row.getLong("version"));
    }

    /** Whether the school sees it: its own, a pack's (still installed), or shared within its state. */
    private static boolean visibleTo(Resource resource, Cct school) {
        if (resource.pack() != null) {
            return true;
        }
        return resource.school().equals(school)
                || (resource.content().shared() && resource.school().state() == school.state());
    }

    @Override
    public Optional<Resource> find(Cct school, long id) {
        return load("r.id = ? AND r.withdrawn = FALSE", id).stream().filter(r -> visibleTo(r, school)).findFirst();
    }

    private Resource own(Cct school, long id) {
        Resource resource = find(school, id).orElseThrow(() -> new NoSuchElementException(
                "La escuela " + school + " no tiene el recurso " + id));
        if (resource.readOnly()) {
            throw new IllegalStateException("El recurso " + id + " es parte del paquete «" + resource.pack().title()
                    + "» y no se modifica; agréguelo a su catálogo para clasificarlo o cambiarlo");
        }
        if (!resource.school().equals(school)) {
            throw new IllegalStateException("El recurso " + id + " es de la escuela " + resource.school()
                    + ", que lo comparte; agréguelo a su catálogo para clasificarlo o cambiarlo");
        }
        return resource;
    }

    @Override
    public ResourcePage search(Cct school, ResourceQuery query) {
        // The index's generation in the key: a write applied from another node's log is seen at the next search.
        return recentSearches.get(new SearchKey(school, query, index.generation()), key -> searchNow(school, query));
    }

    private ResourcePage searchNow(Cct school, ResourceQuery query) {
        long started = System.nanoTime();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        List<String> visible = new ArrayList<>(List.of(school.value(), ALL_SCHOOLS));
        if (query.stateWide()) {
            visible.add(stateScope(school.state().code()));
        }
        filters.put("visible", visible);
        if (query.kind() != null) {
            filters.put("tipo", List.of(query.kind().wireName()));
        }
        if (query.grade() != 0) {
            filters.put("grado", List.of(String.valueOf(query.grade()), ALL_GRADES));
        }
        if (!query.area().isEmpty()) {
            filters.put("area", List.of(query.area()));
        }
        if (!query.criterion().isEmpty()) {
            filters.put("criterio", List.of(query.session() + "#" + query.criterion()));
        }
        SearchResult found = index.search(new SearchRequest(query.text(), FIELDS, filters,
                List.of("tipo", "grado", "area", "criterio"), query.offset(), query.limit()));
        List<Resource> resources = new ArrayList<>();
        if (!found.hits().isEmpty()) {
            Map<Long, Resource> byId = recentResources.getAll(found.hits().stream().map(hit -> Long.valueOf(hit
                    .id())).toList(), missing -> load("r.id IN (" + missing.stream().map(String::valueOf)
                            .collect(Collectors.joining(",")) + ")").stream().collect(Collectors.toMap(Resource::id,
                                    r -> r)));
            found.hits().forEach(hit -> Optional.ofNullable(byId.get(Long.parseLong(hit.id())))
                    .filter(r -> visibleTo(r, school)).ifPresent(resources::add));
        }
        Map<String, List<ResourcePage.FacetValue>> facets = new LinkedHashMap<>();
        Map<String, String> criterionLabels = criterionLabels(found.facets().getOrDefault("criterio", List.of()));
        found.facets().forEach((facet, counts) -> facets.put(facet, counts.stream()
                .map(c -> new ResourcePage.FacetValue(c.value(), label(facet, c.value(), criterionLabels), c.count()))
                .toList()));
        return new ResourcePage(found.total(), resources, facets, (System.nanoTime() - started) / 1000);
    }

    /**
     * The text of each criterion counted, from its guide (held in memory by the registry). Only criteria of a guide no
     * longer installed are read from the classifications, which keep the text the school saw.
     */
    private Map<String, String> criterionLabels(List<SearchResult.FacetCount> counts) {
        Map<String, String> labels = new HashMap<>();
        Set<String> sessions = new TreeSet<>();
        counts.forEach(c -> sessions.add(c.value().substring(0, Math.max(0, c.value().indexOf('#')))));
        for (String session : sessions) {
            try {
                criteria(session).forEach(c -> labels.put(session + "#" + c.criterion(), c.label()));
            } catch (IllegalArgumentException notAGuideKey) {
                // left to the classifications below
            }
        }
        List<String> gone = sessions.stream().filter(session -> counts.stream().anyMatch(c -> c.value()
                .startsWith(session + "#") && !labels.containsKey(c.value()))).toList();
        if (!gone.isEmpty()) {
            database.inTransaction(connection -> Sql.query(connection, "SELECT DISTINCT session_key, criterion, label"
                    + " FROM catalogue_classification WHERE session_key IN ("
                    + gone.stream().map(g -> "?").collect(Collectors.joining(", ")) + ")",
                    row -> labels.putIfAbsent(row.getString(1) + "#" + row.getString(2), row.getString(3)),
                    gone.toArray()));
        }
        return labels;
    }

    private static String label(String facet, String value, Map<String, String> criterionLabels) {
        return switch (facet) {
            case "tipo" -> ResourceKind.parse(value).title();
            case "grado" -> ALL_GRADES.equals(value) ? "Todos los grados" : value + "°";
            case "criterio" -> criterionLabels.getOrDefault(value, value);
            default -> value;
        };
    }

    // ---------------------------------------------------------------- writes

    private ResourceDraft checked(Cct cct, ResourceDraft draft) {
        School school = directory.school(cct)
                .orElseThrow(() -> new NoSuchElementException("La escuela " + cct + " no está en el directorio"));
        List<String> problems = new ArrayList<>();
        limit(problems, "titulo", draft.title(), 300, true);
        if (draft.kind() == null) {
            problems.add("tipo: indique el tipo de recurso");
        }
        limit(problems, "autor", draft.author(), 300, false);
        limit(problems, "ubicacion", draft.location(), 1000, false);
        limit(problems, "descripcion", draft.description(), 4000, false);
        for (int grade : draft.grades()) {
            if (grade < 1 || grade > school.level().grades()) {
                problems.add("grados: " + grade + " no existe en " + school.level().wireName() + " (grados 1 a "
                        + school.level().grades() + ")");
            }
        }
        if (draft.areas().size() > 10) {
            problems.add("areas: a lo más 10 áreas");
        }
        draft.areas().stream().filter(a -> a.length() > 60 || a.contains("|"))
                .forEach(a -> problems.add("areas: '" + a + "' tiene más de 60 caracteres o un carácter |"));
        if (!draft.session().isEmpty()) {
            try {
                GuideId.parse(draft.session());
            } catch (IllegalArgumentException e) {
                problems.add("sesion: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return draft;
    }

    private static void limit(List<String> problems, String field, String value, int max, boolean required) {
        TextFields.problem(field, value, max, required).ifPresent(problems::add);
    }

    private static Object[] columns(ResourceDraft draft) {
        return new Object[] {draft.title(), draft.kind().wireName(), draft.author(), draft.location(),
            draft.description(), draft.grades().stream().map(String::valueOf).collect(Collectors.joining(",")),
            String.join("|", draft.areas()), draft.session(), draft.shared()};
    }

    @Override
    public Resource add(Cct school, ResourceDraft draft, String author) {
        ResourceDraft clean = checked(school, draft);
        Object[] values = columns(clean);
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO catalogue_resource (cct,"
                + " title, kind, author, location, description, grades, areas, session_key, shared, withdrawn,"
                + " proposed_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 1)",
                school.value(), values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], author, clock.instant()));
        audit.record("recurso-agregado", school + " #" + id, clean.title());
        return reindexed(school, id);
    }

    private Resource reindexed(Cct school, long id) {
        Resource resource = find(school, id).orElseThrow();
        index.put(document(resource));
        searchesChanged();
        return resource;
    }

    @Override
    public Resource adopt(Cct school, long resourceId, String author) {
        Resource source = find(school, resourceId).orElseThrow(() -> new NoSuchElementException(
                "La escuela " + school + " no tiene a la vista el recurso " + resourceId));
        ResourceDraft content = source.content();
        String origin = source.pack() != null ? "Del paquete «" + source.pack().title() + "»"
                : "Compartido por la escuela " + source.school();
        ResourceDraft copy = new ResourceDraft(content.title(), content.kind(), content.author(), content.location(),
                content.description().isEmpty() ? origin : content.description() + "\n\n" + origin,
                content.grades().stream().filter(g -> directory.school(school).map(s -> g <= s.level().grades())
                        .orElse(false)).toList(), content.areas(), content.session(), false);
        return add(school, copy, author);
    }

    @Override
    public Resource update(Cct school, long id, ResourceDraft draft, long expectedVersion, String author) {
        Resource current = own(school, id);
        ResourceDraft clean = checked(school, draft);
        Object[] values = columns(clean);
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El recurso " + id, expectedVersion, current.version(),
                    "UPDATE catalogue_resource SET title = ?, kind = ?, author = ?, location = ?, description = ?,"
                    + " grades = ?, areas = ?, session_key = ?, shared = ?, proposed_by = ?, updated_at = ?,"
                    + " version = version + 1 WHERE id = ? AND cct = ? AND version = ?", values[0], values[1],
                    values[2], values[3], values[4], values[5], values[6], values[7], values[8], current.proposedBy(),
                    clock.instant(), id, school.value());
            return null;
        });
        changed(id);
        audit.record("recurso-cambiado", school + " #" + id, clean.title());
        return reindexed(school, id);
    }

    @Override
    public void remove(Cct school, long id, long expectedVersion, String author) {
        Resource current = own(school, id);
        database.inTransaction(connection -> {
            if (Sql.first(connection, "SELECT id FROM catalogue_selection WHERE resource_id = ?", row -> 1L, id)
                    .isPresent()) {
                throw new IllegalArgumentException("recurso: el recurso " + id + " está seleccionado para atender"
                        + " desafíos; quite primero la selección");
            }
            Sql.updateVersioned(connection, "El recurso " + id, expectedVersion, current.version(),
                    "DELETE FROM catalogue_resource WHERE id = ? AND cct = ? AND version = ?", id, school.value());
            return null;
        });
        changed(id);
        index.delete(String.valueOf(id));
        searchesChanged();
        audit.record("recurso-quitado", school + " #" + id, current.content().title());
    }

    // ---------------------------------------------------------------- classification

    @Override
    public List<Classification> criteria(String session) {
        GuideRegistry registry = guides;
        if (registry == null) {
            return List.of();
        }
        GuideId id;
        try {
            id = GuideId.parse(session);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sesion: " + e.getMessage());
        }
        Optional<GuideEdition> edition = registry.active(id).or(() -> registry.editions(id).stream().findFirst());
        List<Classification> criteria = new ArrayList<>();
        edition.ifPresent(e -> {
            for (Activity activity : e.guide().activities()) {
                if (activity.yields(CLASSIFICATION_PRODUCT)) {
                    activity.criteria().forEach(c -> criteria.add(new Classification(session, c.key(), c.text())));
                }
            }
        });
        return criteria;
    }

    @Override
    public Resource classify(Cct school, long id, String session, List<String> criteria, long expectedVersion,
            String author) {
        Resource current = own(school, id);
        List<Classification> known = criteria(session);
        if (known.isEmpty()) {
            throw new IllegalArgumentException("sesion: la guía " + session + " no está instalada o no define"
                    + " criterios para organizar materiales");
        }
        Map<String, Classification> byKey = new LinkedHashMap<>();
        known.forEach(c -> byKey.put(c.criterion(), c));
        List<String> problems = new ArrayList<>();
        Set<String> chosen = new TreeSet<>(criteria);
        chosen.stream().filter(c -> !byKey.containsKey(c)).forEach(c -> problems.add("criterios: '" + c
                + "' no es un criterio de la guía " + session + "; use " + String.join(", ", byKey.keySet())));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        database.inTransaction(connection -> {
            Sql.updateVersioned(connection, "El recurso " + id, expectedVersion, current.version(),
                    "UPDATE catalogue_resource SET version = version + 1, updated_at = ? WHERE id = ? AND cct = ?"
                    + " AND version = ?", clock.instant(), id, school.value());
            Sql.update(connection, "DELETE FROM catalogue_classification WHERE resource_id = ? AND session_key = ?",
                    id, session);
            for (String criterion : chosen) {
                Sql.update(connection, "INSERT INTO catalogue_classification (resource_id, session_key, criterion,"
                        + " label) VALUES (?, ?, ?, ?)", id, session, criterion, byKey.get(criterion).label());
            }
            return null;
        });
        changed(id);
        audit.record("recurso-clasificado", school + " #" + id, session + " " + String.join(",", chosen));
        return reindexed(school, id);
    }

    // ---------------------------------------------------------------- selection

    @Override
    public Selection select(Cct school, String period, long resourceId, long challengeId, String note,
            String author) {
        Period checkedPeriod;
        try {
            checkedPeriod = new Period(period);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("periodo: " + (e.getMessage() == null ? "falta" : e.getMessage()));
        }
        Resource resource = find(school, resourceId).orElseThrow(() -> new NoSuchElementException(
                "La escuela " + school + " no tiene a la vista el recurso " + resourceId));
        String why = note == null ? "" : note.strip();
        if (why.length() > 1000) {
            throw new IllegalArgumentException("nota: tiene más de 1000 caracteres");
        }
        ResultsAnalysis analysis = results;
        if (challengeId != 0 && analysis != null && analysis.concentrate(school, checkedPeriod).items().stream()
                .noneMatch(i -> i.id() == challengeId && i.kind() == ConcentrateItem.Kind.DESAFIO)) {
            throw new IllegalArgumentException("desafio: el concentrado de " + checkedPeriod.displayName()
                    + " no tiene el desafío " + challengeId);
        }
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO catalogue_selection (cct,"
                + " period, resource_id, challenge_id, note, selected_by, selected_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                school.value(), checkedPeriod.key(), resourceId, challengeId, why, author, clock.instant()));
        audit.record("recurso-seleccionado", school + " " + checkedPeriod + " #" + resourceId,
                resource.content().title());
        return new Selection(id, checkedPeriod.key(), resource, challengeId, why, author);
    }

    @Override
    public void unselect(Cct school, long selectionId, String author) {
        int removed = database.inTransaction(connection -> Sql.update(connection,
                "DELETE FROM catalogue_selection WHERE id = ? AND cct = ?", selectionId, school.value()));
        if (removed == 0) {
            throw new NoSuchElementException("La escuela " + school + " no tiene la selección " + selectionId);
        }
        audit.record("recurso-deseleccionado", school + " #" + selectionId, "");
    }

    @Override
    public List<Selection> selection(Cct school, String period) {
        return database.inTransaction(connection -> {
            List<Object[]> rows = Sql.query(connection, "SELECT id, period, resource_id, challenge_id, note,"
                    + " selected_by FROM catalogue_selection WHERE cct = ? AND period = ? ORDER BY id",
                    row -> new Object[] {row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
                        row.getString(5), row.getString(6)}, school.value(), period);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, Resource> resources = new HashMap<>();
            // Withdrawn pack entries stay readable here: the selection made with them is the school's record.
            load(connection, "r.id IN (" + rows.stream().map(r -> String.valueOf(r[2]))
                    .collect(Collectors.joining(",")) + ")").forEach(r -> resources.put(r.id(), r));
            return rows.stream().map(r -> new Selection((Long) r[0], (String) r[1], resources.get((Long) r[2]),
                    (Long) r[3], (String) r[4], (String) r[5])).toList();
        });
    }

    // ---------------------------------------------------------------- packs

    @Override
    public List<ResourcePack> packs() {
        List<ResourcePack> all = new ArrayList<>(installed.values());
        all.sort(java.util.Comparator.comparing(ResourcePack::key));
        List<ResourcePack> bad = new ArrayList<>(refused.values());
        bad.sort(java.util.Comparator.comparing(ResourcePack::bundle));
        all.addAll(bad);
        return all;
    }

    /**
     * Called by the tracker when a pack bundle is installed or updated; refuses a key another bundle already provides.
     * An update that breaks the descriptor leaves the previous entries in place and lists the problems.
     */
    void packArrived(long bundleId, String bundle, PackReader.Outcome outcome) {
        if (outcome.pack() == null) {
            refuse(bundleId, bundle, "", outcome.problems());
            return;
        }
        Pack pack = outcome.pack();
        Long owner = installedBy.get(pack.key());
        if (owner != null && owner != bundleId) {
            refuse(bundleId, bundle, pack.key(), List.of("$.key: el paquete " + pack.key() + " ya lo instaló "
                    + installed.get(pack.key()).bundle()));
            return;
        }
        String fingerprint = pack.fingerprint(bundle);
        boolean unchanged = fingerprint.equals(database.inTransaction(connection -> Sql.first(connection,
                "SELECT content_sha256 FROM catalogue_pack WHERE pack_key = ?", row -> row.getString(1), pack.key())
                .orElse(null)));
        int resources;
        if (unchanged) {
            // Every start of the platform hands the installed packs again: rewriting them would change every
            // resource's date, rebuild their part of the index and audit an installation that did not happen.
            resources = database.inTransaction(connection -> Sql.first(connection, "SELECT COUNT(*) FROM"
                    + " catalogue_resource WHERE pack_key = ? AND withdrawn = FALSE", row -> row.getInt(1),
                    pack.key()).orElse(0));
        } else {
            database.inTransaction(connection -> {
                upsertPack(connection, bundle, pack, fingerprint);
                return null;
            });
            packsChanged();
            index.deleteWhere("owner", "pack:" + pack.key());
            List<Resource> entries = load("r.pack_key = ? AND r.withdrawn = FALSE", pack.key());
            index.putAll(entries.stream().map(CatalogueService::document).toList());
            searchesChanged();
            resources = entries.size();
        }
        refused.remove(bundleId);
        // An update that renamed the pack: the old key's entries leave.
        installedBy.entrySet().stream().filter(e -> e.getValue() == bundleId && !e.getKey().equals(pack.key()))
                .map(Map.Entry::getKey).toList().forEach(this::withdraw);
        installed.put(pack.key(), new ResourcePack(pack.key(), pack.title(), pack.publisher(), pack.version(), bundle,
                resources, List.of()));
        installedBy.put(pack.key(), bundleId);
        if (unchanged) {
            LOG.info("Resource pack {} {} from {}: unchanged since it was installed, {} resources", pack.key(),
                    pack.version(), bundle, resources);
            return;
        }
        audit.record("paquete-recursos-instalado", pack.key() + " " + pack.version(), resources + " recursos");
        LOG.info("Resource pack {} {} from {}: {} resources in every school's catalogue", pack.key(), pack.version(),
                bundle, resources);
    }

    private void refuse(long bundleId, String bundle, String key, List<String> problems) {
        refused.put(bundleId, new ResourcePack(key, "", "", "", bundle, 0, problems));
        LOG.warn("Resource pack in bundle {} refused: {}", bundle, String.join("; ", problems));
    }

    private void upsertPack(Connection connection, String bundle, Pack pack, String fingerprint)
            throws SQLException {
        if (Sql.update(connection, "UPDATE catalogue_pack SET title = ?, publisher = ?, version = ?, bundle = ?,"
                + " installed_at = ?, content_sha256 = ? WHERE pack_key = ?", pack.title(), pack.publisher(),
                pack.version(), bundle, clock.instant(), fingerprint, pack.key()) == 0) {
            Sql.update(connection, "INSERT INTO catalogue_pack (pack_key, title, publisher, version, bundle,"
                    + " installed_at, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)", pack.key(), pack.title(),
                    pack.publisher(), pack.version(), bundle, clock.instant(), fingerprint);
        }
        Sql.update(connection, "UPDATE catalogue_resource SET withdrawn = TRUE WHERE pack_key = ?", pack.key());
        for (Pack.Entry entry : pack.entries()) {
            Object[] values = columns(entry.content());
            if (Sql.update(connection, "UPDATE catalogue_resource SET title = ?, kind = ?, author = ?, location = ?,"
                    + " description = ?, grades = ?, areas = ?, session_key = ?, shared = ?, withdrawn = FALSE,"
                    + " updated_at = ? WHERE pack_key = ? AND pack_entry = ?", values[0], values[1], values[2],
                    values[3], values[4], values[5], values[6], values[7], values[8], clock.instant(), pack.key(),
                    entry.key()) == 0) {
                Sql.update(connection, "INSERT INTO catalogue_resource (pack_key, pack_entry, title, kind, author,"
                        + " location, description, grades, areas, session_key, shared, withdrawn, proposed_by,"
                        + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 0)",
                        pack.key(), entry.key(), values[0], values[1], values[2], values[3], values[4], values[5],
                        values[6], values[7], values[8], pack.publisher(), clock.instant());
            }
        }
    }

    /** Called by the tracker when a pack's signature is not trusted (any more): its entries leave, it is refused. */
    void packUntrusted(long bundleId, String bundle, String reason) {
        boolean wasInstalled = installedBy.containsValue(bundleId);
        packRemoved(bundleId);
        refuse(bundleId, bundle, "", List.of("firma: " + reason));
        if (wasInstalled) {
            audit.record("paquete-recursos-retirado", bundle, "su firma ya no es de confianza: " + reason);
        }
    }

    /** The publisher of the pack a bundle installed, or null when it installed none. */
    String installedPublisher(long bundleId) {
        return installedBy.entrySet().stream().filter(e -> e.getValue() == bundleId).map(e -> installed.get(
                e.getKey())).filter(java.util.Objects::nonNull).map(ResourcePack::publisher).findFirst().orElse(null);
    }

    /** Whether a bundle's pack was refused for its signature (and may be trusted once the keys change). */
    boolean refusedForSignature(long bundleId) {
        ResourcePack refusal = refused.get(bundleId);
        return refusal != null && refusal.problems().stream().anyMatch(p -> p.startsWith("firma: "));
    }

    /** Called by the tracker when a pack bundle is uninstalled: its entries leave every catalogue. */
    void packRemoved(long bundleId) {
        refused.remove(bundleId);
        installedBy.entrySet().stream().filter(e -> e.getValue() == bundleId).map(Map.Entry::getKey).toList()
                .forEach(this::withdraw);
    }

    private void withdraw(String key) {
        database.inTransaction(connection -> {
            Sql.update(connection, "UPDATE catalogue_resource SET withdrawn = TRUE WHERE pack_key = ?", key);
            Sql.update(connection, "DELETE FROM catalogue_pack WHERE pack_key = ?", key);
            return null;
        });
        packsChanged();
        index.deleteWhere("owner", "pack:" + key);
        searchesChanged();
        installed.remove(key);
        installedBy.remove(key);
        audit.record("paquete-recursos-retirado", key, "");
        LOG.info("Resource pack {} withdrawn from the catalogues", key);
    }

    /** Packs recorded as installed whose bundle went away while this module was not running. */
    private void withdrawPacksWithoutBundle() {
        List<String> recorded = database.inTransaction(connection -> Sql.query(connection,
                "SELECT pack_key FROM catalogue_pack", row -> row.getString(1)));
        recorded.stream().filter(key -> !installed.containsKey(key)).forEach(this::withdraw);
    }
}
