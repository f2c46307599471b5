package mx.cte.trust.api;

import java.time.Instant;
import java.util.List;

/**
 * What an installation trusts, for its administrators: whether verification is on, the root key, and every publisher
 * key with what the root says of it now.
 *
 * @param enforced        false only in the explicit development mode
 * @param rootFingerprint the root key's fingerprint, or empty when it cannot be read
 * @param demoRoot        true while the root is the repository's demonstration root, which anyone can sign with
 * @param keys            the publisher keys read from the keys folder
 * @param problems        key files that could not be read, and a root that cannot be read, each with its reason
 */
public record TrustStatus(boolean enforced, String rootFingerprint, boolean demoRoot, List<PublisherKey> keys,
        List<String> problems) {

    public TrustStatus {
        keys = List.copyOf(keys);
        problems = List.copyOf(problems);
    }

    /**
     * One publisher key.
     *
     * @param publisher  {@code SEP} or an entidad code, as the root certified it; empty when it did not
     * @param validFrom  start of the newest certification, or null
     * @param validUntil end of the newest certification, or null
     * @param revokedAt  when the root revoked it, or null
     * @param problem    why it cannot sign now (in Spanish), or empty when it can
     */
    public record PublisherKey(String fingerprint, String userId, String publisher, Instant validFrom,
            Instant validUntil, Instant revokedAt, String problem) {
    }
}
