/**
 * Platform health model: what {@code GET /api/v1/health} reports to anyone, without internal details.
 * {@link mx.cte.core.api.health.Readiness} is how a part holds the node back until it is ready.
 */
@Export
@Version("1.4.0")
package mx.cte.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
