/**
 * The access checks every API endpoint makes, written once: the signed-in {@link mx.cte.security.api.Caller} the
 * session filter left on the request, and the school scope, refused with the same answer whether the school does not
 * exist or is not the caller's.
 */
@Export
@Version("1.6.0")
package mx.cte.security.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
