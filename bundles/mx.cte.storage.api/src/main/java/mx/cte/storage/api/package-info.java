/**
 * The platform's database as modules see it. A module references the {@link mx.cte.storage.api.Database} service,
 * applies its own schema migrations when it starts, and works in transactions. Which database it is (embedded H2 or
 * PostgreSQL) is configuration, not code.
 */
@Export
@Version("1.7.0")
package mx.cte.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
