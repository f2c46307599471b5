/**
 * What a content bundle (a guide bundle or a resource pack) may carry, checked on what the OSGi framework reads:
 * {@link mx.cte.content.guard.ContentBundles}.
 */
@Export
@Version("1.1.0")
package mx.cte.content.guard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
