package mx.cte.exchange.impl;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.exchange.api.CollectiveText;
import mx.cte.exchange.api.Contribution;
import mx.cte.exchange.api.Exchange;
import mx.cte.exchange.api.ExchangeGroup;
import mx.cte.exchange.api.Matching;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.exchange.api.TextKind;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.logbook.api.Logbook;
import mx.cte.results.api.ResultsAnalysis;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import mx.cte.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The exchange in the platform database (tables {@code exchange_*}) with the published presentations in a Spanish
 * search index for the matching. One service, four parts: the collective's texts ({@link CollectiveTexts}), the
 * presentations ({@link Presentations}), who exchanges with whom ({@link Matchmaking}) and what peers share
 * ({@link PeerExchange}). The other modules a presentation is drafted from are optional: what is missing is left for
 * the collective to write.
 */
@Component(service = Exchange.class)
public final class ExchangeService implements Exchange {

    static final String MODULE = "exchange";
    static final String CHANGELOG = "mx/cte/exchange/impl/db/changelog.xml";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResultsAnalysis results;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InterventionCards cards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ResourceCatalogue catalogue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Logbook logbook;

    private final CollectiveTexts texts;
    private final Presentations presentations;
    private final Matchmaking matchmaking;
    private final PeerExchange peers;

    @Activate
    public ExchangeService(@Reference Database database, @Reference SchoolDirectory directory,
            @Reference AuditLog audit, @Reference TextIndexes indexes, @Reference GuideRegistry guides) {
        this(database, directory, audit, indexes.open(MODULE), Clock.systemUTC(), yieldedBy(guides));
    }

    ExchangeService(Database database, SchoolDirectory directory, AuditLog audit, TextIndex index, Clock clock,
            ProductActivities activities) {
        database.migrate(MODULE, ExchangeService.class.getClassLoader(), CHANGELOG);
        this.texts = new CollectiveTexts(database, directory, audit, clock, activities);
        this.presentations = new Presentations(database, directory, audit, index, clock, new InstalledModules());
        this.matchmaking = new Matchmaking(database, directory, audit, index, clock);
        this.peers = new PeerExchange(database, audit, clock, matchmaking, presentations, () -> cards);
        presentations.reindexIfBehind();
    }

    /** The activities of a session's guide (its active edition, else its newest) that yield a product type. */
    static ProductActivities yieldedBy(GuideRegistry guides) {
        return (session, productType) -> {
            GuideId id;
            try {
                id = GuideId.parse(session);
            } catch (IllegalArgumentException notAGuide) {
                return List.of();
            }
            List<GuideEdition> editions = guides.editions(id);
            return guides.active(id).or(() -> editions.stream().findFirst()).map(edition -> edition.guide().activities()
                    .stream().filter(a -> a.yields(productType))
                    .map(a -> new ProductActivities.Activity(a.number(), a.readings())).toList()).orElse(List.of());
        };
    }

    void use(ResultsAnalysis analysis, InterventionCards interventionCards, ResourceCatalogue resources,
            Logbook agreements) {
        this.results = analysis;
        this.cards = interventionCards;
        this.catalogue = resources;
        this.logbook = agreements;
    }

    /** The optional modules as they are at each call: a module installed or removed later is seen at once. */
    private final class InstalledModules implements Presentations.Sources {
        @Override
        public ResultsAnalysis results() {
            return results;
        }

        @Override
        public InterventionCards cards() {
            return cards;
        }

        @Override
        public ResourceCatalogue catalogue() {
            return catalogue;
        }

        @Override
        public Logbook logbook() {
            return logbook;
        }
    }

    @Override
    public List<CollectiveText> texts(Cct school, String session) {
        return texts.texts(school, session);
    }

    @Override
    public CollectiveText text(Cct school, String session, int activity, TextKind kind) {
        return texts.text(school, session, activity, kind);
    }

    @Override
    public Contribution contribute(Cct school, String session, int activity, TextKind kind, String reading,
            String text, String author) {
        return texts.contribute(school, session, activity, kind, reading, text, author);
    }

    @Override
    public void removeContribution(Cct school, long id, String author) {
        texts.removeContribution(school, id, author);
    }

    @Override
    public CollectiveText writeText(Cct school, String session, int activity, TextKind kind, String text,
            long expectedVersion, String author) {
        return texts.writeText(school, session, activity, kind, text, expectedVersion, author);
    }

    @Override
    public Presentation draft(Cct school, String session, String period) {
        return presentations.draft(school, session, period);
    }

    @Override
    public Optional<Presentation> presentation(Cct school, String session) {
        return presentations.presentation(school, session);
    }

    @Override
    public List<Presentation> publishedPresentations(ZoneId zone, String session) {
        return presentations.published(zone, session);
    }

    @Override
    public Presentation savePresentation(Cct school, Presentation presentation, long expectedVersion, String author) {
        return presentations.savePresentation(school, presentation, expectedVersion, author);
    }

    @Override
    public Presentation publish(Cct school, String session, boolean published, String author) {
        return presentations.publish(school, session, published, author);
    }

    @Override
    public Matching suggestZone(ZoneId zone, String session, int groupSize) {
        return matchmaking.suggestZone(zone, session, groupSize);
    }

    @Override
    public Matching suggestState(State state, String session, int groupSize) {
        return matchmaking.suggestState(state, session, groupSize);
    }

    @Override
    public List<ExchangeGroup> confirmGroups(ZoneId zone, String session, List<List<Cct>> groups, String author) {
        return matchmaking.confirmGroups(zone, session, groups, author);
    }

    @Override
    public List<ExchangeGroup> groups(ZoneId zone, String session) {
        return matchmaking.groups(zone, session);
    }

    @Override
    public List<Cct> peers(Cct school, String session) {
        return matchmaking.peers(school, session);
    }

    @Override
    public PeerMessage send(Cct from, String session, Cct to, MessageKind kind, String text, String author) {
        return peers.send(from, session, to, kind, text, author);
    }

    @Override
    public List<PeerMessage> messages(Cct school, String session) {
        return peers.messages(school, session);
    }

    @Override
    public Optional<Presentation> peerPresentation(Cct school, String session, Cct peer) {
        return peers.peerPresentation(school, session, peer);
    }

    @Override
    public List<InterventionCard> peerCards(Cct school, String session, Cct peer) {
        return peers.peerCards(school, session, peer);
    }

    @Override
    public InterventionCard copyCard(Cct school, String session, Cct peer, long cardId, String author) {
        return peers.copyCard(school, session, peer, cardId, author);
    }
}
