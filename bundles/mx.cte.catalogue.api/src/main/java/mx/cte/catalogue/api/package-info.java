/**
 * The resource catalogue, activities 8 and 9 of the third session. A school lists the materials, resources and sources
 * it gathered ({@link mx.cte.catalogue.api.Resource}), classifies them by the criteria its session's guide defines,
 * finds them with a Spanish full-text search with facets, and selects those it will rely on for its challenges.
 * Resource packs published by the SEP or a state (content bundles, like guides) appear in every school's catalogue as
 * read-only entries.
 */
@Export
@Version("1.0.0")
package mx.cte.catalogue.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
