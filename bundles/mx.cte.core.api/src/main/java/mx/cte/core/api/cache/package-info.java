/**
 * Reads kept for a few seconds: {@link mx.cte.core.api.cache.RecentReads} answers what every request of a school reads
 * again (its record, its results table, the resources of a catalogue page) from memory, dropped at once by the changes
 * made on this node and by those other nodes announce.
 */
@Export
@Version("1.1.1")
package mx.cte.core.api.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
