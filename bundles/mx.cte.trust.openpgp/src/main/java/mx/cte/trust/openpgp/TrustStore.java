package mx.cte.trust.openpgp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.trust.api.TrustVerdict;
import org.bouncycastle.bcpg.sig.NotationData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * The SEP's root key and the publishers' keys it certified, and the one decision made with them: was this content
 * signed by a key that the root certified for its publisher, valid at the signature's time and now, and not revoked?
 * A root certification carries the publisher in the notation {@value OpenPgp#PUBLISHER_NOTATION} and its validity in
 * its creation and expiration times; when the root certified a key more than once (a renewal), the newest counts.
 */
public final class TrustStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneId.of("UTC"));
    /** A signature dated this far ahead of the clock is still accepted: clocks of installations drift. */
    private static final long CLOCK_SKEW_SECONDS = 10 * 60;

    private final PGPPublicKey root;
    /** Publisher keys by key ID (the ID a signature names its issuer by). */
    private final Map<Long, PGPPublicKey> keys;
    private final List<String> problems;

    public TrustStore(PGPPublicKey root, List<PGPPublicKeyRing> publisherKeys, List<String> problems) {
        this.root = root;
        this.keys = new LinkedHashMap<>();
        for (PGPPublicKeyRing ring : publisherKeys) {
            PGPPublicKey key = ring.getPublicKey();
            PGPPublicKey known = keys.get(key.getKeyID());
            // The same key in two files (an old copy and one with a renewal or a revocation): every signature counts.
            keys.put(key.getKeyID(), known == null ? key : merged(known, key));
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * The root key from its file and every publisher key in the folder's {@code *.asc}/{@code *.gpg} files; a file
     * that cannot be read is named in {@link #problems()} and skipped, never fatal for the others.
     *
     * @throws IOException when the root key itself cannot be read: nothing can be trusted then
     */
    public static TrustStore load(Path rootFile, Path keysFolder) throws IOException {
        List<PGPPublicKeyRing> rootRings = OpenPgp.readPublicRings(Files.readAllBytes(rootFile));
        if (rootRings.size() != 1) {
            throw new IOException(rootFile + " debe contener exactamente una clave pública (la raíz de la SEP); "
                    + "contiene " + rootRings.size());
        }
        List<PGPPublicKeyRing> publisherKeys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (keysFolder != null && Files.isDirectory(keysFolder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(keysFolder, "*.{asc,gpg}")) {
                for (Path file : files) {
                    try {
                        publisherKeys.addAll(OpenPgp.readPublicRings(Files.readAllBytes(file)));
                    } catch (IOException e) {
                        problems.add(file.getFileName() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new TrustStore(rootRings.get(0).getPublicKey(), publisherKeys, problems);
    }

    public String rootFingerprint() {
        return OpenPgp.fingerprint(root);
    }

    /** Key files that could not be read, each with its reason. */
    public List<String> problems() {
        return problems;
    }

    /** Every publisher key with what the root says of it now. */
    public List<KeyStatus> keys(Instant now) {
        List<KeyStatus> statuses = new ArrayList<>();
        for (PGPPublicKey key : keys.values()) {
            statuses.add(status(key, now));
        }
        return statuses;
    }

    /** What the root says of one publisher key at {@code now}. */
    public record KeyStatus(String fingerprint, String userId, String publisher, Instant validFrom, Instant validUntil,
            Instant revokedAt, String problem) {

        public boolean usable() {
            return problem.isEmpty();
        }
    }

    /**
     * Verifies a detached signature over {@code content} for content that says it is from {@code publisher}.
     */
    public TrustVerdict verify(byte[] content, byte[] signatureFile, String publisher, Instant now) {
        if (signatureFile == null || signatureFile.length == 0) {
            return TrustVerdict.refused("no está firmado: falta su firma OpenPGP (.asc)");
        }
        PGPSignature signature;
        try {
            signature = OpenPgp.readSignature(signatureFile);
        } catch (IOException e) {
            return TrustVerdict.refused("su firma no se puede leer: " + e.getMessage());
        }
        if (signature.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            return TrustVerdict.refused("su firma no es una firma de archivo (tipo " + signature.getSignatureType()
                    + ")");
        }
        PGPPublicKey key = keys.get(signature.getKeyID());
        if (key == null) {
            return TrustVerdict.refused(OpenPgp.keyId(signature.getKeyID()), "", "", "está firmado con una clave"
                    + " desconocida (ID " + OpenPgp.keyId(signature.getKeyID()) + "): no es la de ningún publicador"
                    + " certificado por la SEP en esta instalación");
        }
        String fingerprint = OpenPgp.fingerprint(key);
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(content);
            if (!signature.verify()) {
                return TrustVerdict.refused(fingerprint, "", "", "fue modificado después de firmarse: la firma de la"
                        + " clave " + fingerprint + " no corresponde a este contenido");
            }
        } catch (PGPException | RuntimeException e) {
            return TrustVerdict.refused(fingerprint, "", "", "su firma no se pudo comprobar: " + e.getMessage());
        }
        KeyStatus status = status(key, now);
        String userId = status.userId();
        if (!status.usable()) {
            return TrustVerdict.refused(fingerprint, userId, status.publisher(), status.problem());
        }
        Instant signedAt = signature.getCreationTime().toInstant();
        if (signedAt.isBefore(status.validFrom()) || !signedAt.isBefore(status.validUntil())) {
            return TrustVerdict.refused(fingerprint, userId, status.publisher(), "se firmó el " + DAY.format(signedAt)
                    + ", fuera de la vigencia de la clave " + fingerprint + " (" + DAY.format(status.validFrom())
                    + " a " + DAY.format(status.validUntil()) + ")");
        }
        if (signedAt.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
            return TrustVerdict.refused(fingerprint, userId, status.publisher(), "su firma tiene fecha futura ("
                    + DAY.format(signedAt) + ")");
        }
        if (!status.publisher().equals(publisher)) {
            return TrustVerdict.refused(fingerprint, userId, status.publisher(), "la clave " + fingerprint + " ("
                    + userId + ") está certificada para firmar solo contenido de " + describe(status.publisher())
                    + ", y este contenido es de " + describe(publisher));
        }
        return new TrustVerdict(true, fingerprint, userId, status.publisher(), "firmado por " + userId + " (clave "
                + fingerprint + ", certificada por la SEP para " + describe(status.publisher()) + " hasta el "
                + DAY.format(status.validUntil()) + ")");
    }

    private static String describe(String publisher) {
        return "SEP".equals(publisher) ? "la SEP" : mx.cte.trust.api.PublisherTrust.PLATFORM.equals(publisher)
                ? "las versiones de la plataforma"
                : "la entidad " + publisher;
    }

    private KeyStatus status(PGPPublicKey key, Instant now) {
        String fingerprint = OpenPgp.fingerprint(key);
        Iterator<String> ids = key.getUserIDs();
        String userId = ids.hasNext() ? ids.next() : "";
        if (key.hasRevocation() && selfRevoked(key)) {
            return new KeyStatus(fingerprint, userId, "", null, null, null, "la clave " + fingerprint + " ("
                    + userId + ") fue revocada por su dueño");
        }
        Certification newest = null;
        Instant revokedAt = null;
        for (Iterator<PGPSignature> it = key.getSignaturesForID(userId); it != null && it.hasNext();) {
            PGPSignature signature = it.next();
            if (signature.getKeyID() != root.getKeyID() || !verifiedByRoot(signature, userId, key)) {
                continue;
            }
            if (signature.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION) {
                Instant at = signature.getCreationTime().toInstant();
                revokedAt = revokedAt == null || at.isBefore(revokedAt) ? at : revokedAt;
            } else if (signature.isCertification()) {
                Certification certification = Certification.of(signature);
                if (certification != null && (newest == null || certification.from().isAfter(newest.from()))) {
                    newest = certification;
                }
            }
        }
        if (newest == null) {
            return new KeyStatus(fingerprint, userId, "", null, null, revokedAt, "la clave " + fingerprint + " ("
                    + userId + ") no está certificada por la raíz de la SEP para ningún publicador");
        }
        if (revokedAt != null) {
            return new KeyStatus(fingerprint, userId, newest.publisher(), newest.from(), newest.until(), revokedAt,
                    "la clave " + fingerprint + " (" + userId + ") fue revocada por la SEP el "
                            + DAY.format(revokedAt));
        }
        if (now.isBefore(newest.from())) {
            return new KeyStatus(fingerprint, userId, newest.publisher(), newest.from(), newest.until(), null,
                    "la clave " + fingerprint + " (" + userId + ") aún no es válida: su certificación empieza el "
                            + DAY.format(newest.from()));
        }
        if (!now.isBefore(newest.until())) {
            return new KeyStatus(fingerprint, userId, newest.publisher(), newest.from(), newest.until(), null,
                    "la clave " + fingerprint + " (" + userId + ") venció el " + DAY.format(newest.until()));
        }
        return new KeyStatus(fingerprint, userId, newest.publisher(), newest.from(), newest.until(), null, "");
    }

    private record Certification(String publisher, Instant from, Instant until) {

        static Certification of(PGPSignature signature) {
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            if (hashed == null) {
                return null;
            }
            Optional<String> publisher = java.util.Arrays.stream(hashed.getNotationDataOccurrences())
                    .filter(n -> OpenPgp.PUBLISHER_NOTATION.equals(n.getNotationName()) && n.isHumanReadable())
                    .map(NotationData::getNotationValue).findFirst();
            long seconds = hashed.getSignatureExpirationTime();
            if (publisher.isEmpty() || seconds <= 0) {
                return null; // a root certification without a publisher or an end certifies nothing here
            }
            Instant from = signature.getCreationTime().toInstant();
            return new Certification(publisher.get().strip(), from, from.plusSeconds(seconds));
        }
    }

    private boolean verifiedByRoot(PGPSignature signature, String userId, PGPPublicKey key) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), root);
            return signature.verifyCertification(userId, key);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfRevoked(PGPPublicKey key) {
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(PGPSignature.KEY_REVOCATION); it.hasNext();) {
            PGPSignature signature = it.next();
            try {
                signature.init(new BcPGPContentVerifierBuilderProvider(), key);
                if (signature.verifyCertification(key)) {
                    return true;
                }
            } catch (PGPException | RuntimeException e) {
                // an unverifiable revocation is not one
            }
        }
        return false;
    }

    private static PGPPublicKey merged(PGPPublicKey known, PGPPublicKey other) {
        PGPPublicKey merged = known;
        for (Iterator<String> ids = other.getUserIDs(); ids.hasNext();) {
            String id = ids.next();
            for (Iterator<PGPSignature> it = other.getSignaturesForID(id); it != null && it.hasNext();) {
                PGPSignature signature = it.next();
                if (!contains(merged.getSignaturesForID(id), signature)) {
                    merged = PGPPublicKey.addCertification(merged, id, signature);
                }
            }
        }
        return merged;
    }

    private static boolean contains(Iterator<PGPSignature> signatures, PGPSignature wanted) {
        try {
            byte[] encoded = wanted.getEncoded();
            while (signatures != null && signatures.hasNext()) {
                if (java.util.Arrays.equals(signatures.next().getEncoded(), encoded)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
