package mx.cte.exchange.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import mx.cte.audit.api.AuditLog;
import mx.cte.cards.api.CardQuery;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.InterventionCards;
import mx.cte.exchange.api.MessageKind;
import mx.cte.exchange.api.PeerMessage;
import mx.cte.exchange.api.Presentation;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.Sql;

/**
 * Between the schools of a confirmed group only: messages (table {@code exchange_message}), each other's published
 * presentation and intervention cards, and a copy of a peer's card into the school's own library.
 */
final class PeerExchange {

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final Matchmaking matchmaking;
    private final Presentations presentations;
    /** The cards module, null while it is not installed. */
    private final Supplier<InterventionCards> cards;

    PeerExchange(Database database, AuditLog audit, Clock clock, Matchmaking matchmaking, Presentations presentations,
            Supplier<InterventionCards> cards) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.matchmaking = matchmaking;
        this.presentations = presentations;
        this.cards = cards;
    }

    PeerMessage send(Cct from, String session, Cct to, MessageKind kind, String text, String author) {
        String key = ExchangeRecords.session(session);
        if (!matchmaking.peers(from, key).contains(to)) {
            throw new SecurityException("La escuela " + to + " no está en el grupo de intercambio de " + from);
        }
        if (kind == null) {
            throw new IllegalArgumentException("tipo: indique recomendacion, estrategia, recurso o propuesta");
        }
        String value = ExchangeRecords.limited("texto", text, ExchangeRecords.LONG_TEXT, true);
        Instant now = clock.instant();
        long id = database.inTransaction(connection -> Sql.insert(connection, "INSERT INTO exchange_message"
                + " (session_key, from_cct, to_cct, kind, text, author, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", key,
                from.value(), to.value(), kind.wireName(), value, author, now));
        audit.record("mensaje-intercambio", from + " → " + to + " " + key, kind.title());
        return new PeerMessage(id, key, from, to, kind, value, author, now);
    }

    List<PeerMessage> messages(Cct school, String session) {
        String key = ExchangeRecords.session(session);
        return database.inTransaction(connection -> Sql.query(connection, "SELECT id, session_key, from_cct, to_cct,"
                + " kind, text, author, sent_at FROM exchange_message WHERE session_key = ? AND (from_cct = ?"
                + " OR to_cct = ?) ORDER BY id", row -> new PeerMessage(row.getLong(1), row.getString(2),
                        Cct.parse(row.getString(3)), Cct.parse(row.getString(4)), MessageKind.parse(row.getString(5)),
                        row.getString(6), row.getString(7), Sql.instant(row, "sent_at")), key, school.value(),
                school.value()));
    }

    private void requirePeer(Cct school, String session, Cct peer) {
        if (!matchmaking.peers(school, session).contains(peer)) {
            throw new SecurityException("La escuela " + peer + " no está en el grupo de intercambio de " + school);
        }
    }

    Optional<Presentation> peerPresentation(Cct school, String session, Cct peer) {
        String key = ExchangeRecords.session(session);
        requirePeer(school, key, peer);
        return presentations.presentation(peer, key).filter(Presentation::published);
    }

    List<InterventionCard> peerCards(Cct school, String session, Cct peer) {
        String key = ExchangeRecords.session(session);
        requirePeer(school, key, peer);
        InterventionCards library = cards.get();
        if (library == null) {
            throw new IllegalStateException("El módulo de tarjetas de intervención no está instalado");
        }
        return library.search(peer, CardQuery.all());
    }

    InterventionCard copyCard(Cct school, String session, Cct peer, long cardId, String author) {
        String key = ExchangeRecords.session(session);
        requirePeer(school, key, peer);
        InterventionCards library = cards.get();
        if (library == null) {
            throw new IllegalStateException("El módulo de tarjetas de intervención no está instalado");
        }
        InterventionCard copy = library.copy(peer, cardId, school, author);
        audit.record("tarjeta-copiada-de-par", school + " ← " + peer + " #" + cardId, copy.content().title());
        return copy;
    }
}
