/**
 * Publisher trust: {@link mx.cte.trust.api.PublisherTrust} says whether content was signed by a key the SEP's root
 * certified for its publisher, and why not.
 */
@Export
@Version("1.1.0")
package mx.cte.trust.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
