/**
 * Session guides: the immutable model of a guide (sections, activities, prompts, readings, footnotes and the products
 * each activity yields) and the {@link mx.cte.guide.api.GuideRegistry} that publishes the guides installed as guide
 * bundles; {@link mx.cte.guide.api.GuideAdministration} applies a publisher's decisions on every node. The descriptor
 * formats are defined by {@code cte-guide.schema.json} (format 1) and {@code cte-guide-2.schema.json} (format 2) in
 * this package; both read into this one model.
 */
@Export
@Version("2.3.0")
package mx.cte.guide.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
