/**
 * Session guides: the immutable model of a guide (sections, numbered activities, prompts, readings, footnotes and the
 * product each activity yields) and the {@link mx.cte.guide.api.GuideRegistry} that publishes the guides installed as
 * guide bundles. The descriptor format is defined by {@code cte-guide.schema.json} in this package.
 */
@Export
@Version("1.2.0")
package mx.cte.guide.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
