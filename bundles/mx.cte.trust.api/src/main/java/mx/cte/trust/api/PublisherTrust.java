package mx.cte.trust.api;

import org.osgi.framework.Bundle;

/**
 * Decides whether content (a guide bundle, a resource pack, a state's overlay) comes from its publisher: an OpenPGP
 * detached signature by a key that the SEP's root key certified for that publisher, valid now, not revoked. Every way
 * content comes in asks it: the publishing API and the channel before installing, the guide registry and the
 * catalogue before activating what the framework installed by any other way ({@code deploy/}, a feature, the shell).
 */
public interface PublisherTrust {

    /**
     * What the root certifies the project's release key for: it alone signs new versions of the platform's module
     * bundles (the other publishers are {@code SEP} and the entidades' two-digit codes).
     */
    String PLATFORM = "PLATAFORMA";

    /**
     * Verifies a signature over an artifact's bytes before anything is installed.
     *
     * @param artifact  the jar as received
     * @param signature its detached OpenPGP signature, ASCII-armoured or binary
     * @param publisher the publisher the content says it is from: {@code SEP} or an entidad code
     */
    TrustVerdict verify(byte[] artifact, byte[] signature, String publisher);

    /**
     * Verifies an installed bundle: finds its jar and signature (beside a {@code file:} jar, in the distribution's
     * repository for {@code mvn:}, or among the artifacts admitted by {@link #admit}), verifies the signature and
     * checks that the entries the framework reads are those of the signed jar.
     */
    TrustVerdict verify(Bundle bundle, String publisher);

    /**
     * Verifies an artifact and, when trusted, keeps it with its signature so that the bundle installed from these
     * bytes is recognised by {@link #verify(Bundle, String)} after every restart.
     */
    TrustVerdict admit(byte[] artifact, byte[] signature, String publisher);

    /**
     * False only in the explicit development mode, where unsigned content is accepted (and said so at every start,
     * in the log and in the admin UI).
     */
    boolean enforced();

    /** The root, the publisher keys and the mode, as the administration shows them. */
    TrustStatus status();
}
