/**
 * Full-text search in Spanish for the modules. A module opens its own {@link mx.cte.search.api.TextIndex} by name from
 * the {@link mx.cte.search.api.TextIndexes} service, puts documents made of text fields (analysed for Spanish:
 * case, accents, stop words, plurals and stems) and keyword fields (exact, for filters and facet counts), and asks for
 * matches or for the documents most similar to one. The index is a cache of the module's own records: the module keeps
 * the truth in its tables and rebuilds the index when {@link mx.cte.search.api.TextIndex#count()} says it is behind,
 * through {@link mx.cte.search.api.TextIndex#onThisNode()}. When several nodes share the database, each keeps its own
 * copy of every index and applies the writes any node made.
 */
@Export
@Version("1.2.0")
package mx.cte.search.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
