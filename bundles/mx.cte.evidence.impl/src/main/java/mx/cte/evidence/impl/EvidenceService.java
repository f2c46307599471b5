package mx.cte.evidence.impl;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.Chore;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.evidence.api.Evidence;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.evidence.api.EvidenceUsage;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.ProductPlace;
import mx.cte.logbook.api.Logbook;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Evidence in the platform database (table {@code evidence_file}, the content as bytes). The owners are checked
 * through their modules' services, optional like the print module's: evidence of an agreement needs the logbook, of a
 * guide's product the guide-configured products; without the module, attaching to its owners is refused and what
 * was attached stays. Evidence whose agreement was removed is removed within the hour (asked for from the module's
 * own use, once per installation).
 */
@Component(service = EvidenceStore.class, configurationPid = "mx.cte.evidence")
@Designate(ocd = EvidenceService.Config.class)
public final class EvidenceService implements EvidenceStore {

    @ObjectClassDefinition(name = "CTE evidence")
    public @interface Config {
        @AttributeDefinition(description = "Megabytes of evidence each school may keep (photos as reduced, PDFs as"
                + " sent); 0: no limit")
        int quotaMegabytes() default 500;
    }

    static final String MODULE = "evidence";
    static final String CHANGELOG = "mx/cte/evidence/impl/db/changelog.xml";
    /** How many agreements' evidence a purge looks at, at most: the rest waits for the next hour. */
    static final int PURGE_BATCH = 2000;
    private static final String COLUMNS = "id, cct, owner_kind, owner_id, file_name, description, media_type, bytes,"
            + " width, height, original_bytes, uploaded_by, uploaded_at";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final long quotaBytes;
    private final Chore removeOrphans = new Chore("evidencias-sin-dueno", Duration.ofHours(1), this::removeOrphans);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logbook logbook;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FilledForms forms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ImprovementProgramme programmes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Cluster cluster;

    @Activate
    public EvidenceService(@Reference Database database, @Reference AuditLog audit, Config config) {
        this(database, audit, Clock.systemUTC(), null, null, null, config.quotaMegabytes());
    }

    EvidenceService(Database database, AuditLog audit, Clock clock, Logbook logbook, FilledForms forms) {
        this(database, audit, clock, logbook, forms, null, 0);
    }

    EvidenceService(Database database, AuditLog audit, Clock clock, Logbook logbook, FilledForms forms,
            ImprovementProgramme programmes, int quotaMegabytes) {
        if (quotaMegabytes < 0) {
            throw new IllegalArgumentException("etc/mx.cte.evidence.cfg: quotaMegabytes must be 0 (no limit) or"
                    + " more, not " + quotaMegabytes);
        }
        this.quotaBytes = quotaMegabytes * 1024L * 1024L;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.logbook = logbook;
        this.forms = forms;
        this.programmes = programmes;
        database.migrate(MODULE, EvidenceService.class.getClassLoader(), CHANGELOG);
    }

    @Override
    public Evidence attach(Cct school, EvidenceOwner owner, String fileName, String description, InputStream content,
            String author) {
        List<FieldProblem> problems = new ArrayList<>();
        ownerProblem(school, owner).ifPresent(problems::add);
        String name = fileName == null || fileName.isBlank() ? "evidencia" : fileName.strip();
        TextFields.problem(name, 200, true).ifPresent(m -> problems.add(new FieldProblem("nombre", m)));
        String text = description == null ? "" : description.strip();
        TextFields.problem(text, 500, false).ifPresent(m -> problems.add(new FieldProblem("descripcion", m)));
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        EvidenceContent.Stored stored = EvidenceContent.read(content);
        EvidenceUsage usage = usage(school);
        if (!usage.fits(stored.content().length)) {
            // Checked before storing: two uploads at the same moment may pass the quota by one file, never more.
            throw InvalidContentException.of("archivo", "la escuela " + school + " ya usa " + megabytes(usage.bytes())
                    + " de los " + megabytes(usage.quotaBytes()) + " que tiene para evidencias, y este archivo ocupa "
                    + megabytes(stored.content().length) + "; quite evidencias que ya no necesite o pida a la"
                    + " administración de la plataforma más espacio");
        }
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO evidence_file (cct,"
                + " owner_kind, owner_id, file_name, description, media_type, bytes, width, height, original_bytes,"
                + " content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                school.value(), owner.kind(), owner.id(), name, text, stored.mediaType(),
                (long) stored.content().length, stored.width(), stored.height(), stored.original(), stored.content(),
                author, now));
        audit.record("evidencia-adjuntada", school + " #" + id, owner.kind() + " " + owner.id() + ": " + name + " ("
                + stored.mediaType() + ", " + stored.content().length + " bytes)");
        removeOrphans.maybeRun(now, () -> cluster);
        return find(school, id).orElseThrow();
    }

    @Override
    public EvidenceUsage usage(Cct school) {
        long used = database.inTransaction(connection -> Sql.first(connection, "SELECT COALESCE(SUM(bytes), 0) FROM"
                + " evidence_file WHERE cct = ?", row -> row.getLong(1), school.value())).orElse(0L);
        return new EvidenceUsage(used, quotaBytes);
    }

    /** "12.5 MB", as schools read sizes. */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Why the school cannot attach to {@code owner}, if it cannot. */
    private Optional<FieldProblem> ownerProblem(Cct school, EvidenceOwner owner) {
        switch (owner.kind()) {
            case EvidenceOwner.AGREEMENT -> {
                Logbook book = logbook;
                if (book == null) {
                    return Optional.of(new FieldProblem("dueno", "el Cuaderno de Bitácora no está instalado"));
                }
                Optional<Long> id = number(owner.id());
                return id.isPresent() && book.find(school, id.get()).isPresent() ? Optional.empty()
                        : Optional.of(new FieldProblem("dueno", "la escuela " + school + " no tiene el acuerdo "
                                + owner.id()));
            }
            case EvidenceOwner.PRODUCT -> {
                FilledForms products = forms;
                if (products == null) {
                    return Optional.of(new FieldProblem("dueno", "el módulo de productos que arma la guía no está"
                            + " instalado"));
                }
                Optional<ProductPlace> place = place(school, owner.id());
                return place.isPresent() && products.product(place.get()).isPresent() ? Optional.empty()
                        : Optional.of(new FieldProblem("dueno", "'" + owner.id() + "' no es un producto que pida la"
                                + " guía activa (sesión|actividad|tipo)"));
            }
            case EvidenceOwner.PROGRAMME_ACTION -> {
                ImprovementProgramme programme = programmes;
                if (programme == null) {
                    return Optional.of(new FieldProblem("dueno", "el módulo del programa de mejora no está"
                            + " instalado"));
                }
                return hasAction(programme, school, owner.id()) ? Optional.empty() : Optional.of(new FieldProblem("dueno", "'" + owner.id() + "' no es"
                        + " una acción del programa de mejora de la escuela " + school + " (ciclo|acción)"));
            }
            default -> {
                return Optional.of(new FieldProblem("dueno", "no se adjuntan evidencias a '" + owner.kind()
                        + "': sí a un acuerdo, a un producto o a una acción del programa de mejora"));
            }
        }
    }

    /** Whether {@code id} ({@code ciclo|acción}) names an action of the school's programme of that year. */
    private static boolean hasAction(ImprovementProgramme programme, Cct school, String id) {
        String[] parts = id.split("\\|", -1);
        return parts.length == 2 && programme.find(school, parts[0]).flatMap(p -> p.content().action(parts[1]))
                .isPresent();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProductPlace> place(Cct school, String id) {
        String[] parts = id.split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return number(parts[1]).filter(n -> n > 0 && n < 1000)
                .map(activity -> new ProductPlace(school, parts[0], activity.intValue(), parts[2]));
    }

    @Override
    public List<Evidence> of(Cct school, EvidenceOwner owner) {
        removeOrphans.maybeRun(clock.instant(), () -> cluster);
        return database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS + " FROM evidence_file"
                + " WHERE cct = ? AND owner_kind = ? AND owner_id = ? ORDER BY id", EvidenceService::evidence,
                school.value(), owner.kind(), owner.id()));
    }

    private Optional<Evidence> find(Cct school, long id) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS + " FROM evidence_file"
                + " WHERE cct = ? AND id = ?", EvidenceService::evidence, school.value(), id));
    }

    @Override
    public Optional<EvidenceFile> file(Cct school, long id) {
        return database.inTransaction(connection -> Sql.first(connection, "SELECT " + COLUMNS + ", content FROM"
                + " evidence_file WHERE cct = ? AND id = ?", row -> new EvidenceFile(evidence(row),
                        row.getBytes("content")), school.value(), id));
    }

    @Override
    public List<EvidenceFile> filesOf(Cct school, EvidenceOwner owner) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT " + COLUMNS + ", content FROM"
                + " evidence_file WHERE cct = ? AND owner_kind = ? AND owner_id = ? ORDER BY id", row ->
                        new EvidenceFile(evidence(row), row.getBytes("content")), school.value(), owner.kind(),
                owner.id()));
    }

    @Override
    public void remove(Cct school, long id, String author) {
        Evidence evidence = find(school, id).orElseThrow(() -> new NoSuchElementException("La escuela " + school
                + " no tiene la evidencia " + id));
        database.inTransaction(connection -> Sql.update(connection, "DELETE FROM evidence_file WHERE cct = ? AND"
                + " id = ?", school.value(), id));
        audit.record("evidencia-eliminada", school + " #" + id, evidence.owner().kind() + " " + evidence.owner().id()
                + ": " + evidence.fileName());
    }

    /**
     * Removes the evidence of agreements and programme actions that no longer exist. Each kind only while its module
     * is installed: without it, nothing tells a removed owner from one whose module is away, and data of an
     * uninstalled module is kept.
     */
    void removeOrphans() {
        Logbook book = logbook;
        if (book != null) {
            removeOrphans(EvidenceOwner.AGREEMENT, "el acuerdo ya no existe", (school, id) -> number(id)
                    .flatMap(n -> book.find(school, n)).isPresent());
        }
        ImprovementProgramme programme = programmes;
        if (programme != null) {
            removeOrphans(EvidenceOwner.PROGRAMME_ACTION, "la acción ya no está en el programa", (school, id) ->
                    hasAction(programme, school, id));
        }
    }

    private void removeOrphans(String kind, String why, java.util.function.BiPredicate<Cct, String> exists) {
        record Owner(Cct school, String id) {
        }
        List<Owner> owners = database.inTransaction(connection -> Sql.query(connection, "SELECT DISTINCT cct,"
                + " owner_id FROM evidence_file WHERE owner_kind = ? ORDER BY cct, owner_id", row -> new Owner(
                        Cct.parse(row.getString("cct").strip()), row.getString("owner_id")), kind));
        int removed = 0;
        for (Owner owner : owners.subList(0, Math.min(PURGE_BATCH, owners.size()))) {
            if (exists.test(owner.school(), owner.id())) {
                continue;
            }
            removed += database.inTransaction(connection -> Sql.update(connection, "DELETE FROM evidence_file WHERE"
                    + " cct = ? AND owner_kind = ? AND owner_id = ?", owner.school().value(), kind, owner.id()));
            audit.record("evidencias-sin-dueno-eliminadas", owner.school() + " " + kind + " " + owner.id(), why);
        }
        if (removed > 0) {
            org.slf4j.LoggerFactory.getLogger(EvidenceService.class).info("Removed {} evidence files of {} owners"
                    + " that no longer exist", removed, kind);
        }
    }

    private static Evidence evidence(ResultSet row) throws SQLException {
        return new Evidence(row.getLong("id"), Cct.parse(row.getString("cct").strip()), new EvidenceOwner(
                row.getString("owner_kind"), row.getString("owner_id")), row.getString("file_name"),
                row.getString("description"), row.getString("media_type"), row.getLong("bytes"), row.getInt("width"),
                row.getInt("height"), row.getLong("original_bytes"), row.getString("uploaded_by"),
                Sql.instant(row, "uploaded_at"));
    }
}
