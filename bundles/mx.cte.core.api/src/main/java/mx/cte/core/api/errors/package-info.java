/**
 * Failures every module can report the same way, so that the HTTP layer answers them the same way: a change based on
 * something that changed meanwhile is a {@link mx.cte.core.api.errors.ConflictException} (409).
 */
@Export
@Version("1.0.1")
package mx.cte.core.api.errors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
