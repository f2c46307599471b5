package mx.cte.schools.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.ImportProgress;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolStructure;
import mx.cte.storage.api.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's demo: one preescolar zone of the Estado de México with five schools, one of them multigrade.
 * Loaded only into an empty directory, through the same import a state uses.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final String CATALOGUE = "mx/cte/schools/impl/demo/escuelas-demo.csv";

    private DemoData() {
    }

    static void loadIfEmpty(SchoolDirectory directory, Database database) {
        if (database.inTransaction(SchoolStore::count) > 0) {
            return;
        }
        try (InputStream csv = DemoData.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            ImportReport report = directory.importCatalogue(csv, "demostración", ImportProgress.NONE);
            if (!report.imported()) {
                throw new IllegalStateException("Demo catalogue refused: " + report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        structure(directory, "15EJN0101A", false, SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"),
                SchoolGroup.of(2, "B"), SchoolGroup.of(3, "A"), SchoolGroup.of(3, "B"));
        structure(directory, "15EJN0102B", false, SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"),
                SchoolGroup.of(3, "A"));
        structure(directory, "15EJN0103C", false, SchoolGroup.of(2, "A"), SchoolGroup.of(3, "A"));
        structure(directory, "15EJN0104D", false, SchoolGroup.of(1, "A"), SchoolGroup.of(2, "A"),
                SchoolGroup.of(3, "A"));
        structure(directory, "15EJN0105E", true, new SchoolGroup("Único", List.of(1, 2, 3)));
        LOG.info("Demo schools loaded: zone 15-preescolar-015 with 5 schools");
    }

    private static void structure(SchoolDirectory directory, String cct, boolean multigrade, SchoolGroup... groups) {
        Cct key = Cct.parse(cct);
        long version = directory.school(key).orElseThrow().version();
        directory.updateStructure(key, new SchoolStructure(multigrade, List.of(groups)), version);
    }
}
