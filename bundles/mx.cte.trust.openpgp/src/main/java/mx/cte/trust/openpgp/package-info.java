/**
 * The OpenPGP side of publisher trust, shared by the platform and the publisher tool: {@link
 * mx.cte.trust.openpgp.OpenPgp} writes keys, certifications, revocations and signatures, {@link
 * mx.cte.trust.openpgp.TrustStore} decides with them, {@link mx.cte.trust.openpgp.ArtifactEntries} ties an installed
 * bundle to the jar that was signed. Exported for tools and tests that sign; modules ask {@code PublisherTrust}.
 */
@Export
@Version("1.0.0")
package mx.cte.trust.openpgp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
