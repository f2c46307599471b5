package mx.cte.cards.api;

import java.time.Instant;
import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * A card as the school's library holds it, with what the collective said and did with it since.
 *
 * @param copiedFrom the other school's card it was copied from, or null for the school's own
 */
public record InterventionCard(long id, Cct school, CardDraft content, Decision decision, String decisionNote,
        List<CardComment> comments, List<FollowUp> followUps, String createdBy, Instant createdAt,
        Attribution copiedFrom, long version) {

    public InterventionCard {
        comments = List.copyOf(comments);
        followUps = List.copyOf(followUps);
    }
}
