package mx.cte.storage.shell;

import java.nio.file.Path;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.StorageException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:backup FILE.zip}: an online, consistent backup of the embedded H2 database. */
@Service
@Command(scope = "cte", name = "backup",
        description = "Respalda la base de datos integrada (H2) en un archivo zip sin detener la plataforma")
public class BackupCommand implements Action {

    @Reference
    private Database database;

    @Argument(index = 0, name = "archivo", required = true, description = "Ruta del archivo zip que se escribe")
    private String file;

    @Override
    public Object execute() {
        Path target = Path.of(file).toAbsolutePath();
        try {
            database.backup(target);
            System.out.println("Respaldo escrito en " + target + ". Para restaurarlo: detenga la plataforma,"
                    + " descomprímalo en data/cte/ y vuelva a iniciarla.");
        } catch (UnsupportedOperationException | StorageException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
