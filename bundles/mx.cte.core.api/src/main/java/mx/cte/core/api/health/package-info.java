/**
 * Platform health model: what {@code GET /api/v1/health} reports to anyone, without internal details.
 */
@Export
@Version("1.1.0")
package mx.cte.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
