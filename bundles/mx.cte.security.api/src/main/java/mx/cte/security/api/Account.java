package mx.cte.security.api;

import java.util.List;

/**
 * A person who signs in.
 *
 * @param username    lower-case sign-in name
 * @param displayName how the platform greets them
 * @param enabled     false blocks sign-in without deleting anything
 * @param grants      their roles with scopes
 * @param version     for optimistic concurrency on changes
 */
public record Account(String username, String displayName, boolean enabled, List<RoleGrant> grants, long version) {

    public Account {
        grants = List.copyOf(grants);
    }
}
