package mx.cte.security.shell;

import java.util.stream.Collectors;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code cte:accounts}: every account with its roles. */
@Service
@Command(scope = "cte", name = "accounts", description = "Lista las cuentas con sus roles")
public class ListAccountsCommand implements Action {

    @Reference
    private Accounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Usuario");
        table.column("Nombre");
        table.column("Activa");
        table.column("Roles");
        for (Account account : accounts.list()) {
            table.addRow().addContent(account.username(), account.displayName(), account.enabled() ? "sí" : "no",
                    account.grants().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        table.print(System.out);
        return null;
    }
}
