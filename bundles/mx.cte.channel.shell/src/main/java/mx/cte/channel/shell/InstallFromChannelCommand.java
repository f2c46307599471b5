package mx.cte.channel.shell;

import java.util.List;
import mx.cte.channel.api.ChannelUpdates;
import mx.cte.channel.api.InstallOutcome;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:channel-install CANAL RUTA} or {@code --todas}: download, verify and install now. */
@Service
@Command(scope = "cte", name = "channel-install",
        description = "Descarga, verifica e instala un artefacto de un canal, o todos los nuevos (--todas)")
public class InstallFromChannelCommand implements Action {

    @Reference
    private ChannelUpdates updates;

    @Option(name = "--todas", description = "Instala todo lo nuevo y compatible de todos los canales")
    private boolean all;

    @Argument(index = 0, name = "canal", description = "Nombre de la suscripción (cte:channel-list)")
    private String channel;

    @Argument(index = 1, name = "ruta", description = "Artefacto, como lo lista cte:channel-list")
    private String path;

    @Override
    public Object execute() {
        if (!all && (channel == null || path == null)) {
            System.err.println("Diga el canal y la ruta del artefacto, o --todas");
            return null;
        }
        try {
            List<InstallOutcome> outcomes = all ? updates.installAll() : List.of(updates.install(channel, path));
            if (outcomes.isEmpty()) {
                System.out.println("Nada nuevo que instalar");
            }
            for (InstallOutcome outcome : outcomes) {
                (outcome.installed() ? System.out : System.err).println(outcome.channel() + " " + outcome.path()
                        + ": " + outcome.message());
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
