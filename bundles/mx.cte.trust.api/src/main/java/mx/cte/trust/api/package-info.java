/**
 * Publisher trust: {@link mx.cte.trust.api.PublisherTrust} says whether content was signed by a key the SEP's root
 * certified for its publisher, and why not; {@link mx.cte.trust.api.TrustListener} is told when the keys change.
 */
@Export
@Version("2.0.0")
package mx.cte.trust.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
