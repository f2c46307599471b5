/**
 * Failures every module can report the same way, so that the HTTP layer answers them the same way: a change based on
 * something that changed meanwhile is a {@link mx.cte.core.api.errors.ConflictException} (409); content that cannot be
 * stored as written is an {@link mx.cte.core.api.errors.InvalidContentException} naming each field (422).
 */
@Export
@Version("1.1.0")
package mx.cte.core.api.errors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
