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
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.InvalidAgreementException;
import mx.cte.logbook.api.ZoneAgreement;
import mx.cte.logbook.api.ZoneAgreementDraft;
import mx.cte.schools.api.ZoneId;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The Consejo Técnico de Zona's agreements and their review in later zone sessions, on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class ZoneLogbookServiceTest {

    private static final ZoneId ZONE = ZoneId.parse("15-preescolar-015");
    private static final ZoneId OTHER_ZONE = ZoneId.parse("15-preescolar-016");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-11-25T15:00:00Z"), ZoneOffset.UTC);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    private final ZoneLogbookService zones;

    public ZoneLogbookServiceTest(DatabaseKind kind) {
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                    audited.add(args[0] + " " + args[1]);
                    return null;
                });
        zones = new ZoneLogbookService(TestDatabases.fresh(kind), audit, CLOCK);
    }

    private ZoneAgreement record(String text, LocalDate deadline) {
        return zones.record(ZONE, new ZoneAgreementDraft("CTZ de noviembre de 2016", text,
                "Directoras de la zona y supervisión", deadline), "supervisora.zona15");
    }

    @Test
    public void theNextZoneSessionReviewsWhatTheLastOneAgreed() {
        ZoneAgreement visits = record("Visitar dos aulas de otra escuela", LocalDate.of(2017, 1, 27));
        ZoneAgreement library = record("Organizar el préstamo de libros entre escuelas", LocalDate.of(2016, 12, 16));
        assertEquals(List.of(library.id(), visits.id()), zones.of(ZONE).stream().map(ZoneAgreement::id).toList());
        assertTrue(zones.of(OTHER_ZONE).isEmpty());

        ZoneAgreement done = zones.review(ZONE, library.id(), "CTZ de enero de 2017", AgreementStatus.CUMPLIDO,
                "Cinco escuelas prestan libros", library.version(), "supervisora.zona15");
        assertEquals(AgreementStatus.CUMPLIDO, done.status());
        assertEquals("CTZ de enero de 2017", done.reviewedIn());
        assertEquals("Cinco escuelas prestan libros", done.review());
        assertEquals("the open ones first", List.of(visits.id(), library.id()), zones.of(ZONE).stream()
                .map(ZoneAgreement::id).toList());

        assertThrows(StaleVersionException.class, () -> zones.review(ZONE, library.id(), "CTZ de enero de 2017",
                AgreementStatus.DESCARTADO, "", library.version(), "supervisora.zona15"));
        assertThrows(java.util.NoSuchElementException.class, () -> zones.review(OTHER_ZONE, library.id(),
                "CTZ de enero de 2017", AgreementStatus.CUMPLIDO, "", done.version(), "supervisor.otro"));
        assertTrue(audited.toString(), audited.contains("acuerdo-zona-revisado 15-preescolar-015 #" + library.id()));
    }

    @Test
    public void eachMistakeIsNamedAndNothingIsStored() {
        InvalidAgreementException refused = assertThrows(InvalidAgreementException.class, () -> zones.record(ZONE,
                new ZoneAgreementDraft(" ", "", "", LocalDate.of(2016, 11, 1)), "supervisora.zona15"));
        assertEquals(List.of("sesion", "acuerdo", "responsables", "fechaLimite"), refused.problems().stream()
                .map(FieldProblem::field).toList());
        assertTrue(zones.of(ZONE).isEmpty());

        ZoneAgreement visits = record("Visitar dos aulas de otra escuela", LocalDate.of(2017, 1, 27));
        InvalidAgreementException sameSession = assertThrows(InvalidAgreementException.class, () -> zones.review(
                ZONE, visits.id(), "CTZ de noviembre de 2016", AgreementStatus.REPROGRAMADO, "", visits.version(),
                "supervisora.zona15"));
        assertEquals(List.of("sesion", "resultado"), sameSession.problems().stream().map(FieldProblem::field)
                .toList());
        assertEquals(AgreementStatus.PENDIENTE, zones.of(ZONE).get(0).status());
    }
}
