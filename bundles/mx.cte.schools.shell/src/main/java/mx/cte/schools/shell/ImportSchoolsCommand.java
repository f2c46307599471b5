package mx.cte.schools.shell;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mx.cte.schools.api.ImportReport;
import mx.cte.schools.api.RejectedRow;
import mx.cte.schools.api.SchoolDirectory;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:schools-import FILE}: imports a school catalogue in CSV, all or nothing, with progress. */
@Service
@Command(scope = "cte", name = "schools-import",
        description = "Importa un catálogo de escuelas en CSV (CCT, NOMBRE, ENTIDAD, MUNICIPIO, ZONA, NIVEL, TURNO): todo o nada")
public class ImportSchoolsCommand implements Action {

    @Reference
    private SchoolDirectory directory;

    @Argument(index = 0, name = "archivo", required = true, description = "Ruta del archivo CSV")
    private String file;

    @Override
    public Object execute() {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            System.err.println("No se puede leer el archivo " + path.toAbsolutePath());
            return null;
        }
        ImportReport report;
        try {
            report = directory.importCatalogue(path, path.getFileName().toString(),
                    (phase, done, total) -> System.out.println("  " + phase + ": " + done
                            + (total >= 0 ? " de " + total : "")));
        } catch (UncheckedIOException e) {
            System.err.println("No se pudo leer " + path + ": " + e.getCause().getMessage());
            return null;
        }
        print(report);
        return null;
    }

    static void print(ImportReport report) {
        if (report.problem() != null) {
            System.out.println("No se importó nada: " + report.problem());
            return;
        }
        if (!report.rejected().isEmpty()) {
            System.out.println("No se importó nada: " + report.rejected().size() + " de " + report.rows()
                    + " filas tienen problemas. Corríjalas y vuelva a importar el archivo completo.");
            for (RejectedRow row : report.rejected()) {
                System.out.println("  línea " + row.line() + (row.cct().isEmpty() ? "" : " (" + row.cct() + ")")
                        + ": " + String.join("; ", row.reasons()));
            }
            return;
        }
        System.out.println("Importado " + report.source() + ": " + report.rows() + " filas, " + report.inserted()
                + " escuelas nuevas, " + report.updated() + " actualizadas, " + report.zonesCreated()
                + " zonas nuevas.");
    }
}
