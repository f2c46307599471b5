/**
 * The school structure every module scopes its data by: {@link mx.cte.schools.api.State} (the 32 entidades),
 * zones, and schools identified by their {@link mx.cte.schools.api.Cct}. The {@link mx.cte.schools.api.SchoolDirectory}
 * service reads it and imports the public school catalogue.
 */
@Export
@Version("1.4.0")
package mx.cte.schools.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
