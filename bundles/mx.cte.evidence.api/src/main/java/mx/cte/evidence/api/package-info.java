/**
 * Evidence a school attaches to what it produced: a photo of a poster, a pupil's work, a filled format, attached to a
 * product, an agreement or a programme action ({@link mx.cte.evidence.api.EvidenceOwner}). Files are accepted by
 * their content, not their name, photos are reduced for slow links, and evidence leaves with its owner.
 */
@Export
@Version("1.2.0")
package mx.cte.evidence.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
