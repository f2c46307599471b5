package mx.cte.security.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code cte:account-roles USUARIO ROL@ÁMBITO...}: replaces an account's roles (ending its sessions); with
 * {@code --desactivar} or {@code --activar}, blocks or allows its sign-in instead.
 */
@Service
@Command(scope = "cte", name = "account-roles",
        description = "Cambia los roles de una cuenta (termina sus sesiones), o la desactiva o activa")
public class SetRolesCommand implements Action {

    @Reference
    private Accounts accounts;

    @Argument(index = 0, name = "usuario", required = true, description = "Nombre de usuario")
    private String username;

    @Argument(index = 1, name = "roles", multiValued = true, description = "Los nuevos roles con su ámbito")
    private List<String> roles;

    @Option(name = "--desactivar", description = "Impide que la cuenta inicie sesión y termina sus sesiones")
    private boolean disable;

    @Option(name = "--activar", description = "Vuelve a permitir que la cuenta inicie sesión")
    private boolean enable;

    @Override
    public Object execute() {
        try {
            Account account = accounts.find(username)
                    .orElseThrow(() -> new NoSuchElementException("No existe el usuario '" + username + "'"));
            if (disable || enable) {
                Account changed = accounts.setEnabled(account.username(), enable);
                System.out.println("Cuenta " + changed.username() + (changed.enabled() ? " activa" : " desactivada"));
                return null;
            }
            List<RoleGrant> grants = new ArrayList<>();
            for (String role : roles == null ? List.<String>of() : roles) {
                grants.add(RoleGrant.parse(role));
            }
            Account changed = accounts.setGrants(account.username(), grants, account.version());
            System.out.println("Cuenta " + changed.username() + ": roles " + changed.grants());
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
