package mx.cte.logbook.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import mx.cte.audit.api.AuditLog;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.ReviewedAgreement;
import mx.cte.logbook.api.ZoneAgreement;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import mx.cte.security.api.RoleGrant;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The demo's agreements: what the next session reviews and what the supervisor follows, written once. */
public class LogbookDemoTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final String THIRD_SESSION = "SEP:2016-2017:preescolar:ordinaria-3";

    private final Database database = TestDatabases.fresh(DatabaseKind.H2);
    private final AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AuditLog.class}, (proxy, method, args) -> null);
    private final Accounts accounts = (Accounts) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Accounts.class}, (proxy, method, args) -> switch (method.getName()) {
                case "staffOf" -> args[0].equals(LogbookDemo.SCHOOL) ? List.of(
                        new Account("directora.rosaura", "Directora", true,
                                List.of(RoleGrant.parse("director@15EJN0101A")), 1),
                        new Account("docente.ana", "Educadora", true,
                                List.of(RoleGrant.parse("docente@15EJN0101A")), 1)) : List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final LogbookService logbook = new LogbookService(database, accounts, audit, CLOCK);
    private final ZoneLogbookService zones = new ZoneLogbookService(database, audit, CLOCK);

    @Test
    public void theThirdSessionReviewsTheDemoAgreementsOfTheSecondAndTheSupervisorHasTheZones() {
        assertTrue(LogbookDemo.loadIfAbsent(logbook, zones, TODAY));

        List<Agreement> earlier = logbook.ofSession(LogbookDemo.SCHOOL, LogbookDemo.EARLIER_SESSION);
        assertEquals(3, earlier.size());
        assertTrue("marked as demo data", earlier.stream().allMatch(a -> a.content().text()
                .endsWith("(demostración)")));
        assertEquals(List.of(AgreementStatus.EN_CURSO, AgreementStatus.PENDIENTE, AgreementStatus.PENDIENTE),
                earlier.stream().map(a -> a.content().status()).toList());
        assertTrue("still open on the demo day", earlier.stream().allMatch(a -> a.content().deadline()
                .isAfter(TODAY)));
        List<ReviewedAgreement> toReview = logbook.toReview(LogbookDemo.SCHOOL, THIRD_SESSION);
        assertEquals(3, toReview.size());

        List<ZoneAgreement> zone = zones.of(LogbookDemo.ZONE);
        assertEquals(2, zone.size());
        assertTrue(zone.stream().allMatch(a -> a.content().text().endsWith("(demostración)")));
    }

    @Test
    public void writtenOnceWhateverTheSchoolAndTheZoneDidSince() {
        assertTrue(LogbookDemo.loadIfAbsent(logbook, zones, TODAY));
        Agreement first = logbook.ofSession(LogbookDemo.SCHOOL, LogbookDemo.EARLIER_SESSION).get(1);
        logbook.remove(LogbookDemo.SCHOOL, first.id(), first.version(), "directora.rosaura");

        assertFalse(LogbookDemo.loadIfAbsent(logbook, zones, TODAY.plusDays(1)));
        assertEquals(2, logbook.ofSession(LogbookDemo.SCHOOL, LogbookDemo.EARLIER_SESSION).size());
        assertEquals(2, zones.of(LogbookDemo.ZONE).size());
    }
}
