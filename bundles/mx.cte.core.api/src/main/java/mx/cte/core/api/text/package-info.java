/**
 * Text that comes from outside written safely where it is not HTML: {@link mx.cte.core.api.text.LogText} for log
 * lines, {@link mx.cte.core.api.text.SpreadsheetText} for CSV cells.
 */
@Export
@Version("1.1.0")
package mx.cte.core.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
