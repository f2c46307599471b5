package mx.cte.cards.api;

/**
 * A material or resource the card relies on (activity 9).
 *
 * @param catalogueId its id in the resource catalogue, or 0 for one named by hand
 */
public record Material(long catalogueId, String title) {

    public Material {
        title = title == null ? "" : title.strip();
    }
}
