/**
 * The audit log. Components record sign-ins, account and role changes, imports, and the lifecycle of guides and
 * modules; administrators list them. The actor is taken from the current JAAS subject (the shell user, or the web
 * session's user) unless given.
 */
@Export
@Version("1.0.0")
package mx.cte.audit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
