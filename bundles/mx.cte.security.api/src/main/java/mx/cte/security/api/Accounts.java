package mx.cte.security.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The platform's accounts. Passwords are stored only as Argon2id hashes. */
@ProviderType
public interface Accounts {

    /** The shortest password accepted. */
    int MIN_PASSWORD_LENGTH = 12;

    /**
     * @throws IllegalArgumentException naming what is wrong: username shape, password too short, a taken username
     */
    Account create(String username, String displayName, String password, List<RoleGrant> grants);

    Optional<Account> find(String username);

    List<Account> list();

    /** The enabled accounts that are docente or director of the school. */
    List<Account> staffOf(mx.cte.schools.api.Cct school);

    /** Replaces the password; existing sessions of the account end. */
    void setPassword(String username, String newPassword);

    /**
     * Replaces the account's roles; existing sessions of the account end so the new roles apply at once.
     *
     * @throws mx.cte.storage.api.StaleVersionException when the account changed since {@code expectedVersion}
     */
    Account setGrants(String username, List<RoleGrant> grants, long expectedVersion);

    /** Enables or disables sign-in; disabling ends the account's sessions. */
    Account setEnabled(String username, boolean enabled);
}
