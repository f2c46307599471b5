package mx.cte.schools.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The school directory over the platform database; brings its tables up to date when it starts. */
@Component(service = SchoolDirectory.class, configurationPid = "mx.cte.schools")
@Designate(ocd = SchoolDirectoryService.Config.class)
public final class SchoolDirectoryService implements SchoolDirectory {

    @ObjectClassDefinition(name = "CTE schools", description = "The school directory")
    public @interface Config {
        @AttributeDefinition(description = "Load a demo zone with a few schools when the directory is empty")
        boolean demoData() default false;
    }

    static final String MODULE = "schools";
    static final String CHANGELOG = "mx/cte/schools/impl/db/changelog.xml";

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

    @Override
    public Optional<School> school(Cct cct) {
        return database.inTransaction(connection -> SchoolStore.find(connection, cct));
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
        return database.inTransaction(connection ->
                SchoolStore.updateStructure(connection, cct, structure, expectedVersion));
    }

    @Override
    public ImportReport importCatalogue(InputStream csv, String source, ImportProgress progress) {
        byte[] content;
        try {
            content = csv.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer " + source, e);
        }
        CatalogueCsv.Result read = CatalogueCsv.read(content, progress);
        if (read.problem() != null || !read.rejected().isEmpty()) {
            audit.record("catalogo-rechazado", source, read.problem() != null ? read.problem()
                    : read.rejected().size() + " filas rechazadas, la primera en la línea "
                            + read.rejected().get(0).line());
            return new ImportReport(source, read.rows().size() + read.rejected().size(), 0, 0, 0, read.rejected(),
                    read.problem());
        }
        SchoolStore.Written written = database.inTransaction(connection ->
                SchoolStore.write(connection, read.rows(), source, progress));
        audit.record("catalogo-importado", source, read.rows().size() + " filas (" + read.charset() + "), "
                + written.inserted() + " escuelas nuevas, " + written.updated() + " actualizadas, "
                + written.zonesCreated() + " zonas nuevas");
        return new ImportReport(source, read.rows().size(), written.inserted(), written.updated(),
                written.zonesCreated(), List.of(), null);
    }
}
