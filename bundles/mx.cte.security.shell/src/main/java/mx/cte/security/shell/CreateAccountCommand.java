package mx.cte.security.shell;

import java.util.ArrayList;
import java.util.List;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.Passwords;
import mx.cte.security.api.RoleGrant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code cte:account-create USUARIO "NOMBRE" ROL@ÁMBITO...}: creates an account; asks for the password, or with
 * {@code --generar} makes a random one and prints it once.
 */
@Service
@Command(scope = "cte", name = "account-create",
        description = "Crea una cuenta: cte:account-create [--generar] usuario \"Nombre\" director@15EJN0101A")
public class CreateAccountCommand implements Action {

    @Reference
    private Accounts accounts;

    @Reference
    private Session session;

    @Argument(index = 0, name = "usuario", required = true, description = "Nombre de usuario")
    private String username;

    @Argument(index = 1, name = "nombre", required = true, description = "Nombre para mostrar")
    private String displayName;

    @Argument(index = 2, name = "roles", multiValued = true,
            description = "Roles con ámbito: docente@CCT, director@CCT, supervisor@ZONA, autoridad-estatal@ENTIDAD,"
                    + " publicador@SEP|ENTIDAD, administrador")
    private List<String> roles;

    @Option(name = "--generar", description = "Genera una contraseña aleatoria y la muestra una sola vez")
    private boolean generate;

    @Override
    public Object execute() throws Exception {
        List<RoleGrant> grants = new ArrayList<>();
        try {
            for (String role : roles == null ? List.<String>of() : roles) {
                grants.add(RoleGrant.parse(role));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        String password;
        if (generate) {
            password = Passwords.random();
        } else {
            password = session.readLine("Contraseña (al menos " + Accounts.MIN_PASSWORD_LENGTH + " caracteres): ",
                    '*');
            String again = session.readLine("Repita la contraseña: ", '*');
            if (password == null || !password.equals(again)) {
                System.err.println("Las contraseñas no coinciden; no se creó la cuenta");
                return null;
            }
        }
        try {
            Account account = accounts.create(username, displayName, password, grants);
            System.out.println("Cuenta " + account.username() + " creada con roles " + account.grants());
            if (generate) {
                System.out.println("Contraseña: " + password);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
