package mx.cte.results.api;

import java.time.Instant;
import java.util.List;

/**
 * The school concentrate of a period: what the collective saved, the proposal computed from the groups' ratings
 * (for the lines it has not saved yet), and whether the school has shared it with its supervision.
 *
 * @param publishedAt null while the school keeps it to itself
 */
public record Concentrate(List<ConcentrateItem> items, List<ConcentrateItem> proposal, Instant publishedAt,
        String publishedBy) {

    public Concentrate {
        items = List.copyOf(items);
        proposal = List.copyOf(proposal);
    }
}
