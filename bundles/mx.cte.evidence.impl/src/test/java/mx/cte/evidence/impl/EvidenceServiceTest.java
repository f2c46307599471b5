package mx.cte.evidence.impl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.evidence.api.Evidence;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceUsage;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.ProductRef;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.Logbook;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Evidence stored on H2 and PostgreSQL, attached to owners that exist, removed with them. */
@RunWith(Parameterized.class)
public class EvidenceServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final Cct OTHER_SCHOOL = Cct.parse("15EJN0102B");
    private static final String SESSION = "SEP:2019-2020:preescolar:ordinaria-5";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    /** The agreements the school has: 7 and 8 until a test removes one. */
    private final Set<Long> agreements = new HashSet<>(Set.of(7L, 8L));
    private final EvidenceService evidence;
    private final EvidenceService withoutModules;
    private final EvidenceService withQuotaOfOneMegabyte;

    public EvidenceServiceTest(DatabaseKind kind) {
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                    audited.add(args[0] + " " + args[1]);
                    return null;
                });
        Logbook logbook = (Logbook) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logbook.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return args[0].equals(SCHOOL) && agreements.contains((Long) args[1])
                                ? Optional.of(new Agreement((Long) args[1], SCHOOL, null, "x", Instant.EPOCH, "x",
                                        Instant.EPOCH, 1)) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        FilledForms forms = (FilledForms) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FilledForms.class}, (proxy, method, args) -> {
                    if (method.getName().equals("product")) {
                        ProductPlace place = (ProductPlace) args[0];
                        return place.session().equals(SESSION) && place.activity() == 1
                                && place.type().equals("tabla") ? Optional.of(new ProductRef("tabla", "Alumnos", "",
                                        false)) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        mx.cte.programme.api.ImprovementProgramme programmes = (mx.cte.programme.api.ImprovementProgramme)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                    mx.cte.programme.api.ImprovementProgramme.class}, (proxy, method, args) -> {
                        if (method.getName().equals("find")) {
                            return args[0].equals(SCHOOL) && args[1].equals("2019-2020") ? Optional.of(programme())
                                    : Optional.empty();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        Clock clock = Clock.fixed(Instant.parse("2019-11-29T15:00:00Z"), ZoneOffset.UTC);
        var database = TestDatabases.fresh(kind);
        evidence = new EvidenceService(database, audit, clock, logbook, forms, programmes, 0);
        withQuotaOfOneMegabyte = new EvidenceService(database, audit, clock, logbook, forms, programmes, 1);
        withoutModules = new EvidenceService(database, audit, clock, null, null);
    }

    /** The actions of the school's 2019-2020 programme: a1 and a2 until a test removes one. */
    private final Set<String> actions = new HashSet<>(Set.of("a1", "a2"));

    private mx.cte.programme.api.Programme programme() {
        List<mx.cte.programme.api.Action> kept = actions.stream().sorted().map(id -> new mx.cte.programme.api.Action(
                id, "o1", "practicas", "Ronda de narración", List.of("Educadoras"), "", java.time.LocalDate.of(2019,
                        9, 2), java.time.LocalDate.of(2020, 6, 29), "Lista de cotejo")).toList();
        return new mx.cte.programme.api.Programme(SCHOOL, "2019-2020", mx.cte.programme.api.ProgrammeKind.PEMC,
                new mx.cte.programme.api.ProgrammeContent(java.util.Map.of(), List.of(), kept), null, "x",
                Instant.EPOCH, 1, null, null, null);
    }

    @Test
    public void aSchoolKeepsNoMoreEvidenceThanItsQuotaAndIsToldHowMuchItUses() {
        byte[] big = new byte[600 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(PDF, 0, big, 0, PDF.length - 6);
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.ISO_8859_1), 0, big, big.length - 6, 6);
        EvidenceOwner agreement = new EvidenceOwner(EvidenceOwner.AGREEMENT, "7");
        attach(withQuotaOfOneMegabyte, agreement, big);
        EvidenceUsage usage = withQuotaOfOneMegabyte.usage(SCHOOL);
        assertEquals(big.length, usage.bytes());
        assertEquals(1024 * 1024, usage.quotaBytes());
        InvalidContentException full = assertThrows(InvalidContentException.class,
                () -> attach(withQuotaOfOneMegabyte, agreement, big));
        assertEquals("archivo", full.problems().get(0).field());
        assertTrue(full.getMessage(), full.problems().get(0).message().contains("ya usa 0.6 MB de los 1.0 MB"));
        assertEquals("nothing stored", 1, evidence.of(SCHOOL, agreement).size());
        assertEquals("another school's space is its own", 0, withQuotaOfOneMegabyte.usage(OTHER_SCHOOL).bytes());
        assertEquals("no limit", 0, evidence.usage(SCHOOL).quotaBytes());
        attach(evidence, agreement, big);
    }

    private Evidence attach(EvidenceService store, EvidenceOwner owner, byte[] content) {
        return store.attach(SCHOOL, owner, "cartel.pdf", "El cartel del aula", new ByteArrayInputStream(content),
                "docente.ana");
    }

    @Test
    public void aPhotoAndAPdfAttachedToAnAgreementAreListedReadAndRemoved() throws Exception {
        EvidenceOwner agreement = new EvidenceOwner(EvidenceOwner.AGREEMENT, "7");
        byte[] photo = EvidenceContentTest.photo("jpg", 3200, 2400);
        Evidence picture = evidence.attach(SCHOOL, agreement, "IMG_2041.JPG", " Lectura en voz alta ",
                new ByteArrayInputStream(photo), "docente.ana");
        Evidence document = attach(evidence, agreement, PDF);

        assertEquals(List.of(picture.id(), document.id()), evidence.of(SCHOOL, agreement).stream().map(Evidence::id)
                .toList());
        assertEquals("image/jpeg", picture.mediaType());
        assertEquals(1600, picture.width());
        assertEquals(photo.length, picture.original());
        assertTrue(picture.bytes() < photo.length);
        assertEquals("Lectura en voz alta", picture.description());
        assertEquals(Instant.parse("2019-11-29T15:00:00Z"), picture.uploadedAt());
        assertArrayEquals(PDF, evidence.file(SCHOOL, document.id()).orElseThrow().content());
        assertTrue("another school reads nothing of it", evidence.file(OTHER_SCHOOL, document.id()).isEmpty());
        List<mx.cte.evidence.api.EvidenceFile> printed = evidence.filesOf(SCHOOL, agreement);
        assertEquals("what a printed agreement carries, oldest first", List.of(picture, document), printed.stream()
                .map(mx.cte.evidence.api.EvidenceFile::evidence).toList());
        assertArrayEquals(PDF, printed.get(1).content());
        assertTrue(evidence.filesOf(OTHER_SCHOOL, agreement).isEmpty());

        evidence.remove(SCHOOL, picture.id(), "directora.rosaura");
        assertEquals(List.of(document.id()), evidence.of(SCHOOL, agreement).stream().map(Evidence::id).toList());
        assertThrows(java.util.NoSuchElementException.class, () -> evidence.remove(OTHER_SCHOOL, document.id(), "x"));
        assertTrue(audited.toString(), audited.contains("evidencia-adjuntada 15EJN0101A #" + picture.id())
                && audited.contains("evidencia-eliminada 15EJN0101A #" + picture.id()));
    }

    @Test
    public void aPdfOfNineMegabytesIsStoredAndReadBackWhole() {
        byte[] large = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, large, 0, head.length);
        System.arraycopy(tail, 0, large, large.length - tail.length, tail.length);

        Evidence stored = attach(evidence, new EvidenceOwner(EvidenceOwner.AGREEMENT, "8"), large);

        assertEquals(large.length, stored.bytes());
        assertArrayEquals(large, evidence.file(SCHOOL, stored.id()).orElseThrow().content());
    }

    @Test
    public void evidenceGoesOnlyToOwnersThatExistThroughTheirModule() {
        InvalidContentException unknownAgreement = assertThrows(InvalidContentException.class, () -> attach(evidence,
                new EvidenceOwner(EvidenceOwner.AGREEMENT, "99"), PDF));
        assertEquals("dueno", unknownAgreement.problems().get(0).field());
        assertTrue(unknownAgreement.getMessage().contains("no tiene el acuerdo 99"));

        assertEquals("application/pdf", attach(evidence, EvidenceOwner.product(SESSION, 1, "tabla"), PDF)
                .mediaType());
        assertThrows(InvalidContentException.class, () -> attach(evidence, EvidenceOwner.product(SESSION, 2,
                "tabla"), PDF));
        assertThrows(InvalidContentException.class, () -> attach(evidence, new EvidenceOwner(EvidenceOwner.PRODUCT,
                "sin-separadores"), PDF));
        assertThrows(InvalidContentException.class, () -> attach(evidence, new EvidenceOwner("accion-pemc", "3"),
                PDF));
        assertEquals("a programme's action", EvidenceOwner.programmeAction("2019-2020", "a1"), attach(evidence,
                EvidenceOwner.programmeAction("2019-2020", "a1"), PDF).owner());
        InvalidContentException noAction = assertThrows(InvalidContentException.class, () -> attach(evidence,
                EvidenceOwner.programmeAction("2019-2020", "a3"), PDF));
        assertTrue(noAction.getMessage(), noAction.getMessage().contains("no es una acción del programa de mejora"));
        assertTrue(assertThrows(InvalidContentException.class, () -> attach(withoutModules,
                EvidenceOwner.programmeAction("2019-2020", "a1"), PDF)).getMessage().contains("no está instalado"));
        InvalidContentException away = assertThrows(InvalidContentException.class, () -> attach(withoutModules,
                new EvidenceOwner(EvidenceOwner.AGREEMENT, "7"), PDF));
        assertTrue(away.getMessage(), away.getMessage().contains("el Cuaderno de Bitácora no está instalado"));
        InvalidContentException notAFile = assertThrows(InvalidContentException.class, () -> attach(evidence,
                new EvidenceOwner(EvidenceOwner.AGREEMENT, "7"), "hola".getBytes(StandardCharsets.UTF_8)));
        assertEquals("archivo", notAFile.problems().get(0).field());
        assertTrue(evidence.of(SCHOOL, new EvidenceOwner(EvidenceOwner.AGREEMENT, "7")).isEmpty());
    }

    @Test
    public void theEvidenceOfARemovedAgreementGoesWithItWhileTheLogbookIsInstalled() {
        attach(evidence, new EvidenceOwner(EvidenceOwner.AGREEMENT, "7"), PDF);
        Evidence kept = attach(evidence, new EvidenceOwner(EvidenceOwner.AGREEMENT, "8"), PDF);
        agreements.remove(7L);

        withoutModules.removeOrphans();
        assertEquals("without the logbook nothing is known to be gone", 1, evidence.of(SCHOOL,
                new EvidenceOwner(EvidenceOwner.AGREEMENT, "7")).size());

        evidence.removeOrphans();
        assertTrue(evidence.of(SCHOOL, new EvidenceOwner(EvidenceOwner.AGREEMENT, "7")).isEmpty());
        assertEquals(List.of(kept.id()), evidence.of(SCHOOL, new EvidenceOwner(EvidenceOwner.AGREEMENT, "8"))
                .stream().map(Evidence::id).toList());
    }

    @Test
    public void theEvidenceOfAnActionTakenOutOfTheProgrammeGoesWithIt() {
        attach(evidence, EvidenceOwner.programmeAction("2019-2020", "a1"), PDF);
        Evidence kept = attach(evidence, EvidenceOwner.programmeAction("2019-2020", "a2"), PDF);
        actions.remove("a1");

        withoutModules.removeOrphans();
        assertEquals("without the programme module nothing is known to be gone", 1, evidence.of(SCHOOL,
                EvidenceOwner.programmeAction("2019-2020", "a1")).size());
        evidence.removeOrphans();
        assertTrue(evidence.of(SCHOOL, EvidenceOwner.programmeAction("2019-2020", "a1")).isEmpty());
        assertEquals(List.of(kept.id()), evidence.of(SCHOOL, EvidenceOwner.programmeAction("2019-2020", "a2"))
                .stream().map(Evidence::id).toList());
        assertTrue(audited.toString(), audited.contains("evidencias-sin-dueno-eliminadas 15EJN0101A accion-programa"
                + " 2019-2020|a1"));
    }
}
