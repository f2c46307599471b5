package mx.cte.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * Every integration test class, in one Karaf boot. Pax Exam's PerSuite strategy stops its container when no runner of
 * the suite is left; failsafe creates runners one class at a time, so without this suite each class would boot its own
 * Karaf. Failsafe runs only this class; a single class still runs alone with {@code -Dit.test=GuidesIT}.
 */
@RunWith(Suite.class)
@SuiteClasses({PlatformIT.class, GuidesIT.class, Format2GuidesIT.class, StateGuideIT.class, StorageIT.class,
        SchoolsIT.class, SecurityIT.class, AuditIT.class, GuidePublishingIT.class, ContentGuardIT.class,
        PublisherTrustIT.class, ChannelIT.class, LogbookIT.class, FormsIT.class, EvidenceIT.class, ProgrammeIT.class,
        PupilsIT.class, LaterSessionGuideIT.class, ResultsIT.class,
        CardsIT.class,
        SearchIT.class, CatalogueIT.class, ExchangeIT.class, PrintIT.class, IdempotencyIT.class, AdminModulesIT.class,
        HostileClientsIT.class})
public class CteIntegrationSuite {
}
