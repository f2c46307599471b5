/**
 * Who may do what. An {@link mx.cte.security.api.Account} holds {@link mx.cte.security.api.RoleGrant}s, each a role
 * with its scope (a school, a zone, a state, or the nation); a signed-in {@link mx.cte.security.api.Caller} answers
 * the access questions every endpoint asks, server-side.
 */
@Export
@Version("1.4.0")
package mx.cte.security.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
