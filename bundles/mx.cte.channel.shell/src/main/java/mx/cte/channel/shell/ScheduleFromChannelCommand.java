package mx.cte.channel.shell;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import mx.cte.channel.api.ChannelUpdates;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code cte:channel-schedule CANAL RUTA 2026-12-10T22:00}: installs then (this machine's time zone). */
@Service
@Command(scope = "cte", name = "channel-schedule",
        description = "Programa la instalación de un artefacto de un canal (p. ej. la noche antes de la sesión)")
public class ScheduleFromChannelCommand implements Action {

    @Reference
    private ChannelUpdates updates;

    @Argument(index = 0, name = "canal", required = true, description = "Nombre de la suscripción")
    private String channel;

    @Argument(index = 1, name = "ruta", required = true, description = "Artefacto, como lo lista cte:channel-list")
    private String path;

    @Argument(index = 2, name = "cuando", required = true,
            description = "Fecha y hora local, AAAA-MM-DDTHH:MM (o un instante con Z)")
    private String when;

    @Override
    public Object execute() {
        try {
            Instant at = when.endsWith("Z") ? Instant.parse(when)
                    : LocalDateTime.parse(when).atZone(ZoneId.systemDefault()).toInstant();
            updates.schedule(channel, path, at);
            System.out.println(channel + " " + path + ": se instalará el " + at);
        } catch (DateTimeParseException e) {
            System.err.println("La fecha debe ser AAAA-MM-DDTHH:MM, no " + when);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
