/**
 * Background work of components: {@link mx.cte.core.api.tasks.BackgroundTasks} stops an executor without
 * interrupting what it is writing.
 */
@Export
@Version("1.0.0")
package mx.cte.core.api.tasks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
