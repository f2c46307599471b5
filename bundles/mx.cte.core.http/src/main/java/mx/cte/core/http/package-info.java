/**
 * Support for the platform's JSON API servlets: {@link mx.cte.core.http.JsonServlet} answers every failure as JSON,
 * {@link mx.cte.core.http.JsonResponses} writes bodies and RFC 9457 problem documents.
 */
@Export
@Version("1.4.0")
package mx.cte.core.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
