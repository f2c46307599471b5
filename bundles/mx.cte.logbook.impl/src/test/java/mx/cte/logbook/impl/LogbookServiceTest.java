package mx.cte.logbook.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Map;
import mx.cte.audit.api.AuditLog;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementReview;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.ReviewedAgreement;
import mx.cte.schools.api.Cct;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The Cuaderno de Bitácora on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class LogbookServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EJN0101A");
    private static final String SESSION_3 = "SEP:2016-2017:preescolar:ordinaria-3";
    private static final String SESSION_4 = "15:2016-2017:preescolar:ordinaria-4";
    /** The third session's day: 25 November 2016. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-11-25T15:00:00Z"), ZoneOffset.UTC);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    private final Database database;
    private final LogbookService logbook;

    public LogbookServiceTest(DatabaseKind kind) {
        Accounts accounts = (Accounts) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Accounts.class}, (proxy, method, args) -> {
                    if (method.getName().equals("staffOf") && args[0].equals(SCHOOL)) {
                        return List.of(account("directora.rosaura", "director@15EJN0101A"),
                                account("docente.ana", "docente@15EJN0101A"));
                    }
                    if (method.getName().equals("staffOf")) {
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                    audited.add(method.getName() + " " + args[0]);
                    return null;
                });
        database = TestDatabases.fresh(kind);
        logbook = new LogbookService(database, accounts, audit, CLOCK);
    }

    private static Account account(String username, String grant) {
        return new Account(username, username, true, List.of(RoleGrant.parse(grant)), 1);
    }

    private static AgreementDraft draft(String session, String text, LocalDate deadline, AgreementStatus status) {
        return new AgreementDraft(session, 13, text, List.of("directora.rosaura", "docente.ana"),
                "Cada educadora aplica la tarjeta en su grupo", deadline, status);
    }

    @Test
    public void recordsAgreementsOfASessionAndCarriesOpenOnesAcrossSessions() {
        Agreement cards = logbook.record(SCHOOL, draft(SESSION_3, "Aplicar las tarjetas de intervención",
                LocalDate.of(2017, 1, 27), AgreementStatus.PENDIENTE), "directora.rosaura");
        Agreement visit = logbook.record(SCHOOL, draft(SESSION_3, "Preparar la presentación para la cuarta sesión",
                LocalDate.of(2016, 12, 16), AgreementStatus.PENDIENTE), "docente.ana");
        logbook.record(SCHOOL, draft(SESSION_4, "Probar las recomendaciones de la zona",
                LocalDate.of(2017, 2, 24), AgreementStatus.PENDIENTE), "docente.ana");

        assertEquals(List.of(cards.id(), visit.id()), logbook.ofSession(SCHOOL, SESSION_3).stream()
                .map(Agreement::id).toList());
        assertEquals(List.of("directora.rosaura", "docente.ana"), cards.content().responsibles());
        assertEquals(Integer.valueOf(13), cards.content().activity());

        // Later, in the fourth session: the presentation is done, though its deadline has passed.
        logbook.update(SCHOOL, visit.id(), draft(SESSION_3, visit.content().text(), visit.content().deadline(),
                AgreementStatus.CUMPLIDO), visit.version(), "docente.ana");
        assertEquals("open across sessions, by deadline", List.of("Aplicar las tarjetas de intervención",
                "Probar las recomendaciones de la zona"),
                logbook.open(SCHOOL).stream().map(a -> a.content().text()).toList());
        assertTrue(audited.toString(), audited.contains("record acuerdo-actualizado"));
    }

    @Test
    public void eachAgreementKeepsItsOwnResponsiblesInALongLogbook() {
        // More agreements than one query asks responsibles for, so the lists cross its boundaries.
        int count = 1_001;
        try (Database.UnitOfWork oneCommit = database.beginUnitOfWork()) {
            for (int i = 0; i < count; i++) {
                List<String> responsibles = i % 2 == 0 ? List.of("docente.ana", "directora.rosaura")
                        : List.of("directora.rosaura");
                logbook.record(SCHOOL, new AgreementDraft(SESSION_3, 13, "Acuerdo " + i, responsibles,
                        "Revisar avances", LocalDate.of(2017, 1, 27), AgreementStatus.PENDIENTE), "directora.rosaura");
            }
            oneCommit.commit();
        }
        List<Agreement> all = logbook.ofSession(SCHOOL, SESSION_3);
        assertEquals(count, all.size());
        for (int i = 0; i < count; i++) {
            Agreement agreement = all.get(i);
            assertEquals("Acuerdo " + i, agreement.content().text());
            assertEquals(agreement.content().text(), i % 2 == 0 ? List.of("docente.ana", "directora.rosaura")
                    : List.of("directora.rosaura"), agreement.content().responsibles());
        }
        Agreement last = all.get(count - 1);
        assertEquals(last, logbook.find(SCHOOL, last.id()).orElseThrow());
        assertEquals(Optional.empty(), logbook.find(Cct.parse("15EJN0102B"), last.id()));
    }

    @Test
    public void aLaterSessionReviewsTheOpenAgreementsOfEarlierOnesAndEachTakesWhatItConcluded() {
        Agreement cards = logbook.record(SCHOOL, draft(SESSION_3, "Aplicar las tarjetas de intervención",
                LocalDate.of(2017, 1, 27), AgreementStatus.PENDIENTE), "directora.rosaura");
        Agreement visit = logbook.record(SCHOOL, draft(SESSION_3, "Visitar la biblioteca pública",
                LocalDate.of(2016, 12, 16), AgreementStatus.PENDIENTE), "docente.ana");
        Agreement done = logbook.record(SCHOOL, draft(SESSION_3, "Ya cumplido", LocalDate.of(2016, 12, 1),
                AgreementStatus.CUMPLIDO), "docente.ana");
        Agreement fourth = logbook.record(SCHOOL, draft(SESSION_4, "De la cuarta sesión", LocalDate.of(2017, 2, 24),
                AgreementStatus.PENDIENTE), "docente.ana");

        List<ReviewedAgreement> toReview = logbook.toReview(SCHOOL, SESSION_4);
        assertEquals("the open ones of earlier sessions, by deadline", List.of(visit.id(), cards.id()),
                toReview.stream().map(r -> r.agreement().id()).toList());
        assertTrue(toReview.stream().allMatch(r -> r.review() == null));

        AgreementReview dropped = logbook.review(SCHOOL, visit.id(), SESSION_4, AgreementStatus.DESCARTADO,
                " La biblioteca cerró por obras ", 0, "directora.rosaura");
        assertEquals(1, dropped.version());
        assertEquals("La biblioteca cerró por obras", dropped.comment());
        assertEquals(AgreementStatus.DESCARTADO, logbook.find(SCHOOL, visit.id()).orElseThrow().content().status());
        AgreementReview going = logbook.review(SCHOOL, cards.id(), SESSION_4, AgreementStatus.EN_CURSO, "", 0,
                "docente.ana");

        // Still listed in the session that reviewed them, with what it concluded; no longer open elsewhere.
        List<ReviewedAgreement> reviewed = logbook.toReview(SCHOOL, SESSION_4);
        assertEquals(List.of(AgreementStatus.DESCARTADO, AgreementStatus.EN_CURSO), reviewed.stream()
                .map(r -> r.review().outcome()).toList());
        assertEquals("the fifth session reviews what is still open of the third and the fourth",
                List.of(cards.id(), fourth.id()), logbook.toReview(SCHOOL, "SEP:2016-2017:preescolar:ordinaria-5")
                        .stream().map(r -> r.agreement().id()).toList());
        assertTrue(logbook.open(SCHOOL).stream().noneMatch(a -> a.id() == visit.id()));

        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> logbook.review(SCHOOL,
                cards.id(), SESSION_4, AgreementStatus.CUMPLIDO, "", 0, "directora.rosaura"));
        assertEquals(1, stale.currentVersion());
        assertEquals(2, logbook.review(SCHOOL, cards.id(), SESSION_4, AgreementStatus.CUMPLIDO, "Aplicadas en los"
                + " tres grupos", going.version(), "directora.rosaura").version());
        assertEquals(AgreementStatus.CUMPLIDO, logbook.find(SCHOOL, cards.id()).orElseThrow().content().status());
        assertTrue(audited.toString(), audited.contains("record acuerdo-revisado"));
        assertTrue(logbook.toReview(SCHOOL, SESSION_3).stream().noneMatch(r -> r.agreement().id() == done.id()));
    }

    @Test
    public void aReviewNamesWhatIsWrongAndTouchesNothing() {
        Agreement cards = logbook.record(SCHOOL, draft(SESSION_3, "Aplicar las tarjetas de intervención",
                LocalDate.of(2017, 1, 27), AgreementStatus.PENDIENTE), "directora.rosaura");

        InvalidAgreementException sameSession = assertThrows(InvalidAgreementException.class, () -> logbook.review(
                SCHOOL, cards.id(), SESSION_3, AgreementStatus.CUMPLIDO, "", 0, "docente.ana"));
        assertEquals("sesion", sameSession.problems().get(0).field());
        InvalidAgreementException wrong = assertThrows(InvalidAgreementException.class, () -> logbook.review(SCHOOL,
                cards.id(), SESSION_4, AgreementStatus.REPROGRAMADO, "x".repeat(1001), 0, "docente.ana"));
        assertEquals(List.of("resultado", "comentario"), wrong.problems().stream()
                .map(mx.cte.core.api.errors.InvalidContentException.FieldProblem::field).toList());
        assertThrows(java.util.NoSuchElementException.class, () -> logbook.review(Cct.parse("15EJN0102B"),
                cards.id(), SESSION_4, AgreementStatus.CUMPLIDO, "", 0, "docente.luis"));
        assertEquals(AgreementStatus.PENDIENTE, logbook.find(SCHOOL, cards.id()).orElseThrow().content().status());
        assertTrue(logbook.toReview(SCHOOL, SESSION_4).get(0).review() == null);
    }

    @Test
    public void refusesEachInvalidFieldByName() {
        InvalidAgreementException refused = assertThrows(InvalidAgreementException.class, () -> logbook.record(
                SCHOOL, new AgreementDraft("sesión tercera", 13, " ", List.of("docente.luis"), "",
                        LocalDate.of(2016, 11, 1), null), "docente.ana"));
        List<String> fields = refused.problems().stream()
                .map(mx.cte.core.api.errors.InvalidContentException.FieldProblem::field).toList();
        assertEquals(List.of("sesion", "acuerdo", "responsables", "fechaLimite"), fields);
        assertTrue(refused.getMessage(), refused.getMessage().contains("'docente.luis' no es personal de la escuela"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("2016-11-01 ya pasó"));
        assertThrows(InvalidAgreementException.class, () -> logbook.record(SCHOOL, new AgreementDraft(SESSION_3, 13,
                "Sin responsables", List.of(), "", LocalDate.of(2017, 1, 27), null), "docente.ana"));
    }

    @Test
    public void aStaleFollowUpIsRefusedAndAnotherSchoolsAgreementIsNotFound() {
        Agreement agreement = logbook.record(SCHOOL, draft(SESSION_3, "Compartir materiales",
                LocalDate.of(2017, 1, 27), AgreementStatus.PENDIENTE), "docente.ana");
        logbook.update(SCHOOL, agreement.id(), draft(SESSION_3, "Compartir materiales", LocalDate.of(2017, 1, 27),
                AgreementStatus.EN_CURSO), agreement.version(), "docente.ana");
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> logbook.update(SCHOOL,
                agreement.id(), draft(SESSION_3, "Compartir materiales", LocalDate.of(2017, 1, 27),
                        AgreementStatus.CUMPLIDO), agreement.version(), "directora.rosaura"));
        assertEquals(agreement.version() + 1, stale.currentVersion());
        assertEquals(AgreementStatus.EN_CURSO, logbook.find(SCHOOL, agreement.id()).orElseThrow().content().status());
        assertTrue(logbook.find(Cct.parse("15EJN0102B"), agreement.id()).isEmpty());
        assertThrows(java.util.NoSuchElementException.class, () -> logbook.update(Cct.parse("15EJN0102B"),
                agreement.id(), draft(SESSION_3, "x", LocalDate.of(2017, 1, 27), null), 2, "docente.luis"));
    }

    @Test
    public void anAgreementRecordedByMistakeIsRemovedWithItsResponsibles() {
        Agreement agreement = logbook.record(SCHOOL, draft(SESSION_3, "Por error", LocalDate.of(2017, 1, 27),
                AgreementStatus.PENDIENTE), "docente.ana");
        assertThrows(StaleVersionException.class, () -> logbook.remove(SCHOOL, agreement.id(),
                agreement.version() + 1, "docente.ana"));
        assertThrows(java.util.NoSuchElementException.class, () -> logbook.remove(Cct.parse("15EJN0102B"),
                agreement.id(), agreement.version(), "docente.luis"));
        logbook.remove(SCHOOL, agreement.id(), agreement.version(), "docente.ana");
        assertTrue(logbook.find(SCHOOL, agreement.id()).isEmpty());
        assertTrue(logbook.ofSession(SCHOOL, SESSION_3).stream().noneMatch(a -> a.id() == agreement.id()));
    }

    @Test
    public void anAgreementComesFromAnActivityItsGuideMarksAsProducingOne() {
        Map<Integer, Set<String>> products = Map.of(12, Set.of("decision-estrategia-global"),
                13, Set.of("acuerdo-bitacora"), 21, Set.of("acuerdo-bitacora"));
        String session = "SEP:2016-2017:preescolar:ordinaria-3";
        assertEquals(Optional.empty(), LogbookService.activityProblem(session, 13, products));
        assertEquals("la actividad 12 de la sesión " + session + " no registra acuerdos en la bitácora; registran"
                + " acuerdos las actividades 13, 21",
                LogbookService.activityProblem(session, 12, products).orElseThrow().message());
        assertEquals("la sesión " + session + " no tiene la actividad 40; registran acuerdos las actividades 13, 21",
                LogbookService.activityProblem(session, 40, products).orElseThrow().message());
        assertEquals("a guide no longer installed takes the agreement at its word", Optional.empty(),
                LogbookService.activityProblem(session, 40, Map.of()));
    }
}
