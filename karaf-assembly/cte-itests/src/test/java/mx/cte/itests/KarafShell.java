package mx.cte.itests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivilegedExceptionAction;
import java.util.HashSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs Karaf shell commands as a signed-in user would type them, under the command ACLs in {@code etc/}. */
final class KarafShell {

    private final SessionFactory sessionFactory;
    private final Set<Principal> principals;

    private KarafShell(SessionFactory sessionFactory, String user, String... roles) {
        this.sessionFactory = sessionFactory;
        Set<Principal> all = new HashSet<>();
        all.add(new UserPrincipal(user));
        for (String role : roles) {
            all.add(new RolePrincipal(role));
        }
        this.principals = Set.copyOf(all);
    }

    /** The distribution's {@code admin} user, with the roles of its group in {@code etc/users.properties}. */
    static KarafShell asAdmin(SessionFactory sessionFactory) {
        return new KarafShell(sessionFactory, "admin", "admin", "manager", "viewer", "systembundles");
    }

    /** A user who may only look. */
    static KarafShell asViewer(SessionFactory sessionFactory) {
        return new KarafShell(sessionFactory, "consulta", "viewer");
    }

    /** Runs the command as this user and returns what it printed; fails the test if the command throws. */
    String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject subject = new Subject(false, principals, Set.of(), Set.of());
        System.err.println("karaf@cte> " + command);
        // The session runs each command on threads of its own: create it inside doAs so they inherit the subject.
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
                Session session = sessionFactory.create(System.in, print, print);
                try {
                    return session.execute(command);
                } finally {
                    print.flush();
                    session.close();
                }
            });
        } catch (Exception e) {
            throw new AssertionError("'" + command + "' failed: " + e + "; it printed: " + out.toString(
                    StandardCharsets.UTF_8), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Creates an account with a generated password through {@code cte:account-create} and signs it in. */
    WebSession signedInNewAccount(String username, String displayName, String grant) throws Exception {
        String created = run("cte:account-create --generar " + username + " \"" + displayName + "\" " + grant);
        String password = created.substring(created.indexOf("Contraseña: ") + "Contraseña: ".length()).strip()
                .split("\\s")[0];
        WebSession session = new WebSession();
        var signedIn = session.signIn(username, password);
        if (signedIn.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + ": " + signedIn.statusCode() + " " + signedIn.body());
        }
        return session;
    }
}
