/**
 * Products a guide lays out itself ({@link mx.cte.guide.api.ProductForm}: a table, a short form, a checklist, a
 * rubric): what each school filled in each of them, checked against the layout its guide gives, kept with a version.
 */
@Export
@Version("1.0.0")
package mx.cte.forms.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
