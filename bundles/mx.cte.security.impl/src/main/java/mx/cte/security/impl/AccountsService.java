package mx.cte.security.impl;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import mx.cte.audit.api.AuditLog;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts in the platform database. */
@Component(service = Accounts.class)
public final class AccountsService implements Accounts {

    static final String MODULE = "security";
    static final String CHANGELOG = "mx/cte/security/impl/db/changelog.xml";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,59}");

    private final Database database;
    private final AuditLog audit;
    private final PasswordHasher hasher = new PasswordHasher();
    private final Clock clock;
    private final ResolvedSessions resolved;

    @Activate
    public AccountsService(@Reference Database database, @Reference AuditLog audit,
            @Reference ResolvedSessions resolved) {
        this(database, audit, resolved, Clock.systemUTC());
    }

    AccountsService(Database database, AuditLog audit, ResolvedSessions resolved, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.resolved = resolved;
        this.clock = clock;
        database.migrate(MODULE, AccountsService.class.getClassLoader(), CHANGELOG);
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Account create(String username, String displayName, String password, List<RoleGrant> grants) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("El usuario '" + username + "' debe tener de 3 a 60 caracteres:"
                    + " letras minúsculas sin acentos, números, punto, guion, guion bajo o arroba");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new IllegalArgumentException("El nombre para mostrar es obligatorio y tiene a lo más 120 caracteres");
        }
        checkPassword(name, password);
        String hash = hasher.hash(password);
        try {
            database.inTransaction(connection -> {
                AccountStore.insert(connection, name, displayName.strip(), hash, grants, clock.instant());
                return null;
            });
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                throw new IllegalArgumentException("El usuario '" + name + "' ya existe");
            }
            throw e;
        }
        audit.record("cuenta-creada", name, "roles " + grants);
        return find(name).orElseThrow();
    }

    static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("La contraseña debe tener al menos " + MIN_PASSWORD_LENGTH
                    + " caracteres");
        }
        if (password.length() > 200) {
            throw new IllegalArgumentException("La contraseña tiene más de 200 caracteres");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username)) {
            throw new IllegalArgumentException("La contraseña no puede contener el nombre de usuario");
        }
    }

    @Override
    public Optional<Account> find(String username) {
        return database.inTransaction(connection -> AccountStore.credentials(connection, normalize(username)))
                .map(AccountStore.Credentials::account);
    }

    @Override
    public List<Account> list() {
        return database.inTransaction(AccountStore::all);
    }

    @Override
    public List<Account> staffOf(mx.cte.schools.api.Cct school) {
        return database.inTransaction(connection -> AccountStore.staffOf(connection, school.value()));
    }

    @Override
    public void setPassword(String username, String newPassword) {
        String name = normalize(username);
        checkPassword(name, newPassword);
        String hash = hasher.hash(newPassword);
        database.inTransaction(connection -> {
            requireTouched(AccountStore.touch(connection, name, -1, clock.instant()), name);
            AccountStore.update(connection, name, "password_hash", hash);
            AccountStore.recordFailure(connection, name, 0, null);
            AccountStore.deleteSessionsOf(connection, name);
            return null;
        });
        resolved.forgetUser(name);
        audit.record("contrasena-cambiada", name, "sus sesiones terminaron");
    }

    @Override
    public Account setGrants(String username, List<RoleGrant> grants, long expectedVersion) {
        String name = normalize(username);
        database.inTransaction(connection -> {
            if (!AccountStore.touch(connection, name, expectedVersion, clock.instant())) {
                Account current = AccountStore.credentials(connection, name).map(AccountStore.Credentials::account)
                        .orElseThrow(() -> new NoSuchElementException("No existe el usuario '" + name + "'"));
                throw new StaleVersionException("La cuenta " + name, expectedVersion, current.version());
            }
            AccountStore.writeGrants(connection, name, grants);
            AccountStore.deleteSessionsOf(connection, name);
            return null;
        });
        resolved.forgetUser(name);
        audit.record("roles-cambiados", name, "roles " + grants + "; sus sesiones terminaron");
        return find(name).orElseThrow();
    }

    @Override
    public Account setEnabled(String username, boolean enabled) {
        String name = normalize(username);
        database.inTransaction(connection -> {
            requireTouched(AccountStore.touch(connection, name, -1, clock.instant()), name);
            AccountStore.update(connection, name, "enabled", enabled);
            if (!enabled) {
                AccountStore.deleteSessionsOf(connection, name);
            }
            return null;
        });
        if (!enabled) {
            resolved.forgetUser(name);
        }
        audit.record(enabled ? "cuenta-activada" : "cuenta-desactivada", name, "");
        return find(name).orElseThrow();
    }

    private static void requireTouched(boolean touched, String username) {
        if (!touched) {
            throw new NoSuchElementException("No existe el usuario '" + username + "'");
        }
    }
}
