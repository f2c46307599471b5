package mx.cte.exchange.api;

import java.time.Instant;
import mx.cte.schools.api.Cct;

/** A recommendation, strategy, resource or proposal one school of a group sends another. */
public record PeerMessage(long id, String session, Cct from, Cct to, MessageKind kind, String text, String author,
        Instant sentAt) {
}
