package mx.cte.trust.openpgp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mx.cte.trust.api.TrustVerdict;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.junit.BeforeClass;
import org.junit.Test;

public class TrustStoreTest {

    private static final Instant NOW = Instant.parse("2016-11-20T12:00:00Z");
    private static final Instant YEAR_START = Instant.parse("2016-08-01T00:00:00Z");
    private static final Instant YEAR_END = Instant.parse("2017-08-01T00:00:00Z");
    private static final byte[] GUIDE = "guía de la tercera sesión".getBytes(StandardCharsets.UTF_8);

    private static PGPSecretKeyRing root;
    private static PGPSecretKeyRing sep;
    private static PGPSecretKeyRing mexico;
    private static PGPPublicKeyRing sepCertified;
    private static PGPPublicKeyRing mexicoCertified;

    @BeforeClass
    public static void keys() {
        root = OpenPgp.generateKey("SEP raíz de confianza de guías CTE", YEAR_START.minus(Duration.ofDays(400)), null);
        sep = OpenPgp.generateKey("SEP publicación de guías", YEAR_START.minus(Duration.ofDays(10)), null);
        mexico = OpenPgp.generateKey("Secretaría de Educación del Estado de México", YEAR_START, "frase".toCharArray());
        sepCertified = OpenPgp.certify(root, null, OpenPgp.publicRing(sep), "SEP", YEAR_START, YEAR_END);
        mexicoCertified = OpenPgp.certify(root, null, OpenPgp.publicRing(mexico), "15", YEAR_START, YEAR_END);
    }

    private static TrustStore store(PGPPublicKeyRing... keys) {
        return new TrustStore(root.getPublicKey(), List.of(keys), List.of());
    }

    private static byte[] signed(PGPSecretKeyRing key, char[] passphrase, byte[] content) {
        return OpenPgp.sign(key, passphrase, content, NOW.minus(Duration.ofHours(1)));
    }

    @Test
    public void aGuideSignedByTheKeyTheRootCertifiedForItsPublisherIsTrusted() {
        TrustVerdict verdict = store(sepCertified, mexicoCertified).verify(GUIDE, signed(sep, null, GUIDE), "SEP", NOW);
        assertTrue(verdict.reason(), verdict.trusted());
        assertEquals("SEP", verdict.scope());
        assertEquals(OpenPgp.fingerprint(sep.getPublicKey()), verdict.signer());
        assertTrue(verdict.reason(), verdict.reason().contains("SEP publicación de guías"));

        TrustVerdict state = store(sepCertified, mexicoCertified).verify(GUIDE,
                signed(mexico, "frase".toCharArray(), GUIDE), "15", NOW);
        assertTrue(state.reason(), state.trusted());
    }

    @Test
    public void oneByteChangedAfterSigningIsRefused() {
        byte[] changed = GUIDE.clone();
        changed[3] ^= 1;
        TrustVerdict verdict = store(sepCertified).verify(changed, signed(sep, null, GUIDE), "SEP", NOW);
        assertFalse(verdict.trusted());
        assertTrue(verdict.reason(), verdict.reason().contains("modificado después de firmarse"));
    }

    @Test
    public void unsignedOrUnreadableSignaturesAreRefused() {
        assertTrue(store(sepCertified).verify(GUIDE, null, "SEP", NOW).reason().contains("no está firmado"));
        assertTrue(store(sepCertified).verify(GUIDE, new byte[0], "SEP", NOW).reason().contains("no está firmado"));
        TrustVerdict garbage = store(sepCertified).verify(GUIDE, "no soy una firma".getBytes(StandardCharsets.UTF_8),
                "SEP", NOW);
        assertFalse(garbage.trusted());
        assertTrue(garbage.reason(), garbage.reason().contains("no se puede leer"));
    }

    @Test
    public void aKeyThisInstallationDoesNotKnowIsRefused() {
        PGPSecretKeyRing stranger = OpenPgp.generateKey("Alguien", YEAR_START, null);
        TrustVerdict verdict = store(sepCertified).verify(GUIDE, signed(stranger, null, GUIDE), "SEP", NOW);
        assertFalse(verdict.trusted());
        assertTrue(verdict.reason(), verdict.reason().contains("clave desconocida"));
    }

    @Test
    public void aKeyNotCertifiedByTheRootOrCertifiedByAnotherKeyIsRefused() {
        PGPSecretKeyRing fakeRoot = OpenPgp.generateKey("SEP raíz de confianza de guías CTE", YEAR_START, null);
        PGPSecretKeyRing forger = OpenPgp.generateKey("SEP publicación de guías", YEAR_START, null);
        PGPPublicKeyRing selfCertified = OpenPgp.certify(fakeRoot, null, OpenPgp.publicRing(forger), "SEP", YEAR_START,
                YEAR_END);
        TrustVerdict verdict = store(selfCertified).verify(GUIDE, signed(forger, null, GUIDE), "SEP", NOW);
        assertFalse(verdict.trusted());
        assertTrue(verdict.reason(), verdict.reason().contains("no está certificada por la raíz de la SEP"));
        TrustVerdict bare = store(OpenPgp.publicRing(sep)).verify(GUIDE, signed(sep, null, GUIDE), "SEP", NOW);
        assertTrue(bare.reason(), bare.reason().contains("no está certificada"));
    }

    @Test
    public void anExpiredKeyIsRefusedAndARenewalByTheRootMakesItValidAgain() {
        Instant afterTheYear = YEAR_END.plus(Duration.ofDays(3));
        byte[] signature = OpenPgp.sign(sep, null, GUIDE, afterTheYear.minus(Duration.ofHours(1)));
        TrustVerdict expired = store(sepCertified).verify(GUIDE, signature, "SEP", afterTheYear);
        assertFalse(expired.trusted());
        assertTrue(expired.reason(), expired.reason().contains("venció el 2017-08-01"));

        PGPPublicKeyRing renewed = OpenPgp.certify(root, null, sepCertified, "SEP", YEAR_END, YEAR_END.plus(
                Duration.ofDays(365)));
        assertTrue(store(renewed).verify(GUIDE, signature, "SEP", afterTheYear).trusted());
        // the same key published in two files (the old copy and the renewal) is one key with both certifications
        assertTrue(store(sepCertified, renewed).verify(GUIDE, signature, "SEP", afterTheYear).trusted());
    }

    @Test
    public void aKeyNotYetValidOrASignatureOutsideTheValidityIsRefused() {
        Instant before = YEAR_START.minus(Duration.ofDays(2));
        TrustVerdict early = store(sepCertified).verify(GUIDE, OpenPgp.sign(sep, null, GUIDE, before), "SEP", before);
        assertTrue(early.reason(), early.reason().contains("aún no es válida"));
        TrustVerdict backdated = store(sepCertified).verify(GUIDE, OpenPgp.sign(sep, null, GUIDE, before), "SEP", NOW);
        assertFalse(backdated.trusted());
        assertTrue(backdated.reason(), backdated.reason().contains("fuera de la vigencia"));
        TrustVerdict future = store(sepCertified).verify(GUIDE, OpenPgp.sign(sep, null, GUIDE,
                NOW.plus(Duration.ofDays(1))), "SEP", NOW);
        assertTrue(future.reason(), future.reason().contains("fecha futura"));
    }

    @Test
    public void aRevokedKeyIsRefused() {
        PGPPublicKeyRing revoked = OpenPgp.revoke(root, null, mexicoCertified, NOW.minus(Duration.ofDays(1)),
                "clave extraviada");
        TrustVerdict verdict = store(sepCertified, revoked).verify(GUIDE, signed(mexico, "frase".toCharArray(), GUIDE),
                "15", NOW);
        assertFalse(verdict.trusted());
        assertTrue(verdict.reason(), verdict.reason().contains("fue revocada por la SEP"));
        // the revocation counts even when an old copy of the key without it is still in the folder
        assertFalse(store(mexicoCertified, revoked).verify(GUIDE, signed(mexico, "frase".toCharArray(), GUIDE), "15",
                NOW).trusted());
    }

    @Test
    public void aStateKeyCannotSignTheSepsOrAnotherStatesContent() {
        byte[] signature = signed(mexico, "frase".toCharArray(), GUIDE);
        TrustVerdict sepGuide = store(sepCertified, mexicoCertified).verify(GUIDE, signature, "SEP", NOW);
        assertFalse(sepGuide.trusted());
        assertTrue(sepGuide.reason(), sepGuide.reason().contains("solo contenido de la entidad 15, y este contenido es"
                + " de la SEP"));
        assertFalse(store(sepCertified, mexicoCertified).verify(GUIDE, signature, "14", NOW).trusted());
        assertFalse(store(sepCertified).verify(GUIDE, signed(sep, null, GUIDE), "15", NOW).trusted());
    }

    @Test
    public void keysAndSignaturesSurviveTheirArmouredFiles() throws Exception {
        PGPSecretKeyRing readBack = OpenPgp.readSecretRing(OpenPgp.armor(mexico));
        List<PGPPublicKeyRing> publicKeys = OpenPgp.readPublicRings(OpenPgp.armor(mexicoCertified));
        assertEquals(1, publicKeys.size());
        byte[] signature = OpenPgp.sign(readBack, "frase".toCharArray(), GUIDE, NOW);
        assertTrue(new String(signature, StandardCharsets.US_ASCII).startsWith("-----BEGIN PGP SIGNATURE-----"));
        assertTrue(store(publicKeys.get(0)).verify(GUIDE, signature, "15", NOW).trusted());
    }
}
