package mx.cte.channel.shell;

import mx.cte.channel.api.ChannelArtifact;
import mx.cte.channel.api.ChannelStatus;
import mx.cte.channel.api.ChannelUpdates;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code cte:channel-list [--revisar]}: each subscription's state and what the channels offer, with its status. */
@Service
@Command(scope = "cte", name = "channel-list",
        description = "Canales suscritos y lo que ofrecen: publicador, compatibilidad, si ya está instalado")
public class ListChannelsCommand implements Action {

    @Reference
    private ChannelUpdates updates;

    @Option(name = "--revisar", description = "Revisa los canales ahora antes de listar")
    private boolean check;

    @Override
    public Object execute() {
        ShellTable channels = new ShellTable();
        channels.column("Canal");
        channels.column("Dirección");
        channels.column("Firma");
        channels.column("Índice");
        channels.column("Vence");
        channels.column("Problema");
        for (ChannelStatus status : check ? updates.checkAll() : updates.channels()) {
            channels.addRow().addContent(status.name(), status.url(), status.publisher(), status.indexVersion(),
                    status.expires() == null ? "" : status.expires(), status.problem());
        }
        channels.print(System.out);
        ShellTable artifacts = new ShellTable();
        artifacts.column("Canal");
        artifacts.column("Artefacto");
        artifacts.column("Tipo");
        artifacts.column("Clave");
        artifacts.column("Edición");
        artifacts.column("Publicador");
        artifacts.column("Plataforma");
        artifacts.column("Estado");
        artifacts.column("Programada");
        for (ChannelArtifact artifact : updates.available()) {
            artifacts.addRow().addContent(artifact.channel(), artifact.path(), artifact.kind(), artifact.key(),
                    artifact.edition(), artifact.publisher(), artifact.platform(), artifact.status().wireName(),
                    artifact.scheduledAt() == null ? "" : artifact.scheduledAt());
        }
        artifacts.print(System.out);
        return null;
    }
}
