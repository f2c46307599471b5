package mx.cte.catalogue.api;

/**
 * A resource the school selected to attend its challenges (activity 9), usable from its intervention cards.
 *
 * @param challengeId the concentrate line it is for, or 0 for the period's challenges in general
 */
public record Selection(long id, String period, Resource resource, long challengeId, String note,
        String selectedBy) {
}
