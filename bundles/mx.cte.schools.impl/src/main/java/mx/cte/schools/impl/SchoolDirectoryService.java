package mx.cte.schools.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.cluster.api.AnnouncementListener;
import mx.cte.core.api.cache.RecentReads;
import mx.cte.cluster.api.Cluster;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.schools.api.State;
import mx.cte.schools.api.Zone;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The school directory over the platform database; brings its tables up to date when it starts. */
@Component(service = {SchoolDirectory.class, AnnouncementListener.class}, configurationPid = "mx.cte.schools",
        property = AnnouncementListener.TOPIC + "=" + SchoolDirectoryService.TOPIC)
@Designate(ocd = SchoolDirectoryService.Config.class)
public final class SchoolDirectoryService implements SchoolDirectory, AnnouncementListener {

    @ObjectClassDefinition(name = "CTE schools", description = "The school directory")
    public @interface Config {
        @AttributeDefinition(description = "Load a demo zone with a few schools when the directory is empty")
        boolean demoData() default false;
    }

    static final String MODULE = "schools";
    static final String CHANGELOG = "mx/cte/schools/impl/db/changelog.xml";
    private static final Logger LOG = LoggerFactory.getLogger(SchoolDirectoryService.class);

    private final Database database;
    private final AuditLog audit;

    @Activate
    public SchoolDirectoryService(@Reference Database database, @Reference AuditLog audit, Config config) {
        this.database = database;
        this.audit = audit;
        database.migrate(MODULE, SchoolDirectoryService.class.getClassLoader(), CHANGELOG);
        if (config.demoData()) {
            DemoData.loadIfEmpty(this, database);
        }
    }

    /**
     * Schools read in the last seconds: every API request checks the school it names, and the directory changes
     * rarely. A change made here drops what was kept, so the next read sees it, and is announced to the other nodes
     * sharing the database, which drop their copy when it commits; a missed announcement, or a read racing another
     * node's commit, is outgrown within 5 s.
     */
    private final RecentReads<Cct, School> recent = new RecentReads<>(Duration.ofSeconds(5), 50_000);

    @Override
    public Optional<School> school(Cct cct) {
        return Optional.ofNullable(recent.get(cct, key -> database.inTransaction(connection ->
                SchoolStore.find(connection, key)).orElse(null)));
    }

    private void changed(Cct cct) {
        recent.forgetNowAndLater(key -> cct == null || key.equals(cct), database::afterUnitOfWork);
        Cluster nodes = cluster;
        if (nodes != null) {
            // Joins the change's unit of work: the other nodes hear it once it commits, and read it afresh.
            nodes.announce(TOPIC, cct == null ? ALL : cct.value());
        }
    }

    private void forget(Cct cct) {
        if (cct == null) {
            recent.forgetAll();
        } else {
            recent.forget(cct);
        }
    }

    /** Another node (or this one, heard back) changed a school, or many ({@value #ALL}). */
    @Override
    public void announced(String message) {
        forget(Cct.isValid(message) ? Cct.parse(message) : null);
    }

    static final String TOPIC = "escuelas";
    private static final String ALL = "*";

    /** Optional: without it (a test, the cluster bundle being replaced) other nodes see a change within 5 s. */
    private volatile Cluster cluster;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCluster(Cluster cluster) {
        this.cluster = cluster;
    }

    void unsetCluster(Cluster cluster) {
        if (this.cluster == cluster) {
            this.cluster = null;
        }
    }

    @Override
    public List<School> schools(ZoneId zone) {
        return database.inTransaction(connection -> SchoolStore.inZone(connection, zone));
    }

    @Override
    public List<Zone> zones(State state) {
        return database.inTransaction(connection -> SchoolStore.zones(connection, state));
    }

    @Override
    public School updateStructure(Cct cct, SchoolStructure structure, long expectedVersion) {
        try {
            return database.inTransaction(connection ->
                    SchoolStore.updateStructure(connection, cct, structure, expectedVersion));
        } finally {
            changed(cct);
        }
    }

    /**
     * The catalogue is copied to a temporary file and read from there twice, checked then written, so that a national
     * catalogue (up to the import's 100 MB) is never held in memory whole.
     */
    @Override
    public ImportReport importCatalogue(InputStream csv, String source, ImportProgress progress) {
        Path file = null;
        try {
            file = Files.createTempFile("cte-catalogo-", ".csv");
            Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
            return importCatalogue(file, source, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer " + source, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Temporary catalogue file {} could not be deleted", file, e);
                }
            }
        }
    }

    @Override
    public ImportReport importCatalogue(Path file, String source, ImportProgress progress) {
        CatalogueCsv.Checked read;
        try {
            read = CatalogueCsv.check(file, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer " + source, e);
        }
        if (!read.accepted()) {
            audit.record("catalogo-rechazado", source, read.problem() != null ? read.problem()
                    : read.rejectedCount() + " filas rechazadas, la primera en la línea "
                            + read.rejected().get(0).line());
            String problem = read.problem() != null || read.rejectedCount() == read.rejected().size() ? read.problem()
                    : "Se muestran las primeras " + read.rejected().size() + " de " + read.rejectedCount()
                            + " filas rechazadas; corríjalas y vuelva a importar el archivo";
            return new ImportReport(source, read.rows() + read.rejectedCount(), 0, 0, 0, read.rejected(), problem);
        }
        SchoolStore.Written written;
        try {
            written = database.inTransaction(connection -> SchoolStore.write(connection, read.zones(), sink -> {
                try {
                    CatalogueCsv.forEachRow(file, read.charset(), sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, read.rows(), source, progress));
        } finally {
            changed(null);
        }
        audit.record("catalogo-importado", source, read.rows() + " filas (" + read.charset() + "), "
                + written.inserted() + " escuelas nuevas, " + written.updated() + " actualizadas, "
                + written.zonesCreated() + " zonas nuevas");
        return new ImportReport(source, read.rows(), written.inserted(), written.updated(),
                written.zonesCreated(), List.of(), null);
    }
}
