package mx.cte.trust.openpgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * The OpenPGP operations of the trust chain, shared by the platform (which verifies) and the publisher tool (which
 * creates keys, certifies, revokes and signs), so both read and write the very same packets:
 * <ul>
 * <li>a key is an Ed25519 primary key with one user ID, self-certified;</li>
 * <li>the SEP's root certifies a publisher's key with a certification signature on that user ID whose creation time
 * starts its validity, whose expiration ends it, and whose notation {@value #PUBLISHER_NOTATION} names the publisher
 * it may sign for ({@code SEP} or an entidad code);</li>
 * <li>the root revokes that with a certification revocation on the same user ID;</li>
 * <li>content is signed with a detached binary-document signature, ASCII-armoured ({@code guia.jar.asc}), which any
 * OpenPGP tool ({@code gpg --verify}) also checks.</li>
 * </ul>
 */
public final class OpenPgp {

    /** The notation a root certification carries: the publisher a key may sign for. */
    public static final String PUBLISHER_NOTATION = "publicador@cte.sep.gob.mx";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenPgp() {
    }

    /** A new Ed25519 key with its user ID, self-certified; protected by the passphrase when one is given. */
    public static PGPSecretKeyRing generateKey(String userId, Instant created, char[] passphrase) {
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(RANDOM));
            BcPGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(),
                    Date.from(created));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            hashed.setIssuerFingerprint(false, pair.getPublicKey());
            hashed.setSignatureCreationTime(false, Date.from(created));
            PBESecretKeyEncryptor encryptor = passphrase == null || passphrase.length == 0 ? null
                    : new BcPBESecretKeyEncryptorBuilder(org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256,
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x90)
                            .setSecureRandom(RANDOM).build(passphrase);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
                    signer(pair.getPublicKey()), encryptor);
            return rings.generateSecretKeyRing();
        } catch (PGPException e) {
            throw new IllegalStateException("Could not generate an OpenPGP key", e);
        }
    }

    /** The public half of a secret key ring, as it is handed to the SEP for certification. */
    public static PGPPublicKeyRing publicRing(PGPSecretKeyRing secret) {
        List<PGPPublicKey> keys = new ArrayList<>();
        secret.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /**
     * The root's certification of a publisher's key: valid from {@code from} until {@code until}, for
     * {@code publisher}. Added to the publisher's public key ring, which is what installations read.
     */
    public static PGPPublicKeyRing certify(PGPSecretKeyRing root, char[] rootPassphrase, PGPPublicKeyRing publisherKey,
            String publisher, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("la vigencia debe terminar después de empezar");
        }
        PGPPublicKey key = publisherKey.getPublicKey();
        String userId = userId(key);
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(from));
        hashed.setSignatureExpirationTime(true, Duration.between(from, until).getSeconds());
        hashed.addNotationData(false, true, PUBLISHER_NOTATION, publisher);
        hashed.setIssuerFingerprint(false, root.getPublicKey());
        PGPSignature certification = signature(root, rootPassphrase, PGPSignature.POSITIVE_CERTIFICATION, hashed,
                generator -> generator.generateCertification(userId, key));
        return PGPPublicKeyRing.insertPublicKey(publisherKey, PGPPublicKey.addCertification(key, userId,
                certification));
    }

    /** The root's revocation of its certifications of a publisher's key, from {@code at} on. */
    public static PGPPublicKeyRing revoke(PGPSecretKeyRing root, char[] rootPassphrase, PGPPublicKeyRing publisherKey,
            Instant at, String reason) {
        PGPPublicKey key = publisherKey.getPublicKey();
        String userId = userId(key);
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(at));
        hashed.setRevocationReason(false, org.bouncycastle.bcpg.sig.RevocationReasonTags.KEY_COMPROMISED,
                reason == null ? "" : reason);
        hashed.setIssuerFingerprint(false, root.getPublicKey());
        PGPSignature revocation = signature(root, rootPassphrase, PGPSignature.CERTIFICATION_REVOCATION, hashed,
                generator -> generator.generateCertification(userId, key));
        return PGPPublicKeyRing.insertPublicKey(publisherKey, PGPPublicKey.addCertification(key, userId, revocation));
    }

    /** A detached signature of {@code content}, ASCII-armoured. */
    public static byte[] sign(PGPSecretKeyRing signer, char[] passphrase, byte[] content, Instant at) {
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, Date.from(at));
        hashed.setIssuerFingerprint(false, signer.getPublicKey());
        PGPSignature signature = signature(signer, passphrase, PGPSignature.BINARY_DOCUMENT, hashed, generator -> {
            generator.update(content);
            return generator.generate();
        });
        return armor(out -> signature.encode(out));
    }

    /** The key's only user ID: the name the root certifies. */
    public static String userId(PGPPublicKey key) {
        Iterator<String> ids = key.getUserIDs();
        if (!ids.hasNext()) {
            throw new IllegalArgumentException("la clave " + fingerprint(key) + " no tiene identidad (user ID)");
        }
        return ids.next();
    }

    public static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /** Every public key ring in an armoured or binary key file. */
    public static List<PGPPublicKeyRing> readPublicRings(byte[] keyFile) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            List<PGPPublicKeyRing> rings = new ArrayList<>();
            new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).forEach(rings::add);
            return rings;
        } catch (PGPException | RuntimeException e) {
            throw new IOException("no es un archivo de claves públicas OpenPGP: " + e.getMessage(), e);
        }
    }

    /** The one secret key ring in an armoured or binary key file. */
    public static PGPSecretKeyRing readSecretRing(byte[] keyFile) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            Iterator<PGPSecretKeyRing> rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator())
                    .getKeyRings();
            if (!rings.hasNext()) {
                throw new IOException("el archivo no contiene ninguna clave secreta");
            }
            return rings.next();
        } catch (PGPException | RuntimeException e) {
            throw new IOException("no es un archivo de clave secreta OpenPGP: " + e.getMessage(), e);
        }
    }

    /** The first signature in an armoured or binary signature file. */
    public static PGPSignature readSignature(byte[] signatureFile) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(signatureFile))) {
            PGPObjectFactory objects = new PGPObjectFactory(in, new BcKeyFingerprintCalculator());
            Object object = objects.nextObject();
            if (object instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw new IOException("el archivo no contiene una firma OpenPGP");
        } catch (RuntimeException e) {
            throw new IOException("no es una firma OpenPGP legible: " + e.getMessage(), e);
        }
    }

    public static byte[] armor(PGPPublicKeyRing ring) {
        return armor(ring::encode);
    }

    public static byte[] armor(PGPSecretKeyRing ring) {
        return armor(ring::encode);
    }

    /** Upper-case hex of a key ID, as OpenPGP tools print it. */
    public static String keyId(long keyId) {
        return String.format(Locale.ROOT, "%016X", keyId);
    }

    private interface Encoder {
        void encode(java.io.OutputStream out) throws IOException;
    }

    private static byte[] armor(Encoder encoder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes);
                BCPGOutputStream out = new BCPGOutputStream(armored)) {
            encoder.encode(out);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private interface SignatureMaker {
        PGPSignature make(PGPSignatureGenerator generator) throws PGPException;
    }

    private static PGPSignature signature(PGPSecretKeyRing signer, char[] passphrase, int type,
            PGPSignatureSubpacketGenerator hashed, SignatureMaker maker) {
        try {
            PGPSecretKey secret = signer.getSecretKey();
            PBESecretKeyDecryptor decryptor = new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase == null ? new char[0] : passphrase);
            PGPPrivateKey privateKey = secret.extractPrivateKey(decryptor);
            PGPSignatureGenerator generator = new PGPSignatureGenerator(signer(secret.getPublicKey()),
                    secret.getPublicKey());
            generator.init(type, privateKey);
            generator.setHashedSubpackets(hashed.generate());
            return maker.make(generator);
        } catch (PGPException e) {
            throw new IllegalArgumentException("no se pudo firmar con la clave " + fingerprint(signer.getPublicKey())
                    + " (¿frase de paso incorrecta?): " + e.getMessage(), e);
        }
    }

    private static BcPGPContentSignerBuilder signer(PGPPublicKey key) {
        return new BcPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA512);
    }
}
