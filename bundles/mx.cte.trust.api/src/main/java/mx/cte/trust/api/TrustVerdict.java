package mx.cte.trust.api;

import java.util.Objects;

/**
 * What signature verification concluded about one artifact.
 *
 * @param trusted    true when the artifact may be activated
 * @param signer     the signing key's fingerprint (upper-case hex), or empty when no key was found
 * @param signerName the signing key's user ID as certified by the root, or empty
 * @param scope      the publisher the key was certified for ({@code SEP} or an entidad code such as {@code 15}), or
 *                   empty
 * @param reason     why it is not trusted, in Spanish, for the publisher, the administrator and the audit log; when
 *                   trusted, a short statement of who signed (or that verification is turned off)
 */
public record TrustVerdict(boolean trusted, String signer, String signerName, String scope, String reason) {

    public TrustVerdict {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
    }

    public static TrustVerdict refused(String reason) {
        return new TrustVerdict(false, "", "", "", reason);
    }

    public static TrustVerdict refused(String signer, String signerName, String scope, String reason) {
        return new TrustVerdict(false, signer, signerName, scope, reason);
    }
}
