package mx.cte.audit.shell;

import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code cte:audit [-a guia-] [-u usuario] [-n 50]}: the latest audit events. */
@Service
@Command(scope = "cte", name = "audit", description = "Muestra los eventos recientes de la bitácora de auditoría")
public class ListAuditCommand implements Action {

    @Reference
    private AuditLog audit;

    @Option(name = "-a", aliases = "--accion", description = "Solo acciones que empiezan así, p. ej. guia-")
    private String action;

    @Option(name = "-u", aliases = "--usuario", description = "Solo este usuario")
    private String actor;

    @Option(name = "-n", aliases = "--limite", description = "Cuántos eventos (1 a 1000)")
    private int limit = 50;

    @Override
    public Object execute() {
        AuditQuery query;
        try {
            query = new AuditQuery(action, actor, null, limit);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Fecha");
        table.column("Usuario");
        table.column("Acción");
        table.column("Objeto");
        table.column("Detalle").maxSize(80);
        for (AuditEvent event : audit.list(query)) {
            table.addRow().addContent(event.at(), event.actor(), event.action(), event.target(), event.detail());
        }
        table.print(System.out);
        return null;
    }
}
