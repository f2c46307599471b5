package mx.cte.channel.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.channel.api.ChannelUpdates;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:channel-import-kit /media/usb/kit-sep.zip}: an offline kit, verified exactly like its channel. */
@Service
@Command(scope = "cte", name = "channel-import-kit",
        description = "Importa un kit sin conexión (un .zip con el canal) y lo verifica como al canal")
public class ImportKitCommand implements Action {

    @Reference
    private ChannelUpdates updates;

    @Argument(index = 0, name = "kit", required = true, description = "Ruta del kit .zip")
    private String kit;

    @Override
    public Object execute() {
        Path file = Path.of(kit);
        try (InputStream in = Files.newInputStream(file)) {
            ChannelStatus status = updates.importKit(file.getFileName().toString(), in);
            if (status.problem().isEmpty()) {
                System.out.println("Kit importado como canal " + status.name() + " (índice versión "
                        + status.indexVersion() + "); vea cte:channel-list e instale con cte:channel-install");
            } else {
                System.err.println("Kit importado como canal " + status.name() + ", pero no es de confianza: "
                        + status.problem());
            }
        } catch (IOException e) {
            System.err.println("No se pudo leer " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
