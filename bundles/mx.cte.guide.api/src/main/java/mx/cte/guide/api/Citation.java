package mx.cte.guide.api;

/**
 * A bibliographic reference as the guide cites it.
 *
 * @param attribution how the guide introduces it: "Adaptado de", "Tomado de", or empty
 * @param authors     authors as printed, e.g. "A. Cerda e I. López"
 * @param year        year of publication, may be empty
 * @param title       title of the work
 * @param source      where it was published (journal, series, publisher), may be empty
 * @param url         where it can be read, may be empty
 */
public record Citation(String attribution, String authors, String year, String title, String source, String url) {

    public Citation {
        attribution = Immutables.text(attribution);
        authors = Immutables.text(authors);
        year = Immutables.text(year);
        title = Immutables.text(title);
        source = Immutables.text(source);
        url = Immutables.text(url);
    }
}
