/**
 * The platform's one HTTP layer for JSON APIs: a module declares its {@link mx.cte.core.http.Routes} table and
 * registers a {@link mx.cte.core.http.RoutedServlet}; its handlers read typed parameters and bodies bound to records
 * from an {@link mx.cte.core.http.ApiCall} and throw {@link mx.cte.core.http.ProblemException}s, which
 * {@link mx.cte.core.http.JsonServlet} answers as RFC 9457 problem documents (status, Spanish title and detail, the
 * field at fault in {@code campo}). {@link mx.cte.core.http.ServiceCalls} maps service errors the same way in every
 * module.
 */
@Export
@Version("1.8.0")
package mx.cte.core.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
