/**
 * Background work of components: {@link mx.cte.core.api.tasks.BackgroundTasks} stops an executor without
 * interrupting what it is writing; {@link mx.cte.core.api.tasks.WhenReady} does a piece of work once what it needs is
 * there.
 */
@Export
@Version("1.1.0")
package mx.cte.core.api.tasks;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
