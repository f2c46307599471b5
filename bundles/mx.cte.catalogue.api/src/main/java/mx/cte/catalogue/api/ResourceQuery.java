package mx.cte.catalogue.api;

/**
 * A search of the catalogue from a school.
 *
 * @param text      words in Spanish, in any form; empty for everything
 * @param kind      only this kind, or null
 * @param grade     only resources for this grade, or 0
 * @param area      only resources for this indicator area, or empty
 * @param session   with {@code criterion}: only those the school classified under it in that guide
 * @param stateWide also what other schools of the state share, besides the school's own and the packs
 */
public record ResourceQuery(String text, ResourceKind kind, int grade, String area, String session,
        String criterion, boolean stateWide, int offset, int limit) {

    public ResourceQuery {
        text = text == null ? "" : text.strip();
        area = area == null ? "" : area.strip();
        session = session == null ? "" : session.strip();
        criterion = criterion == null ? "" : criterion.strip();
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new IllegalArgumentException("pagina: se piden de 1 a 200 recursos a partir del 0");
        }
    }
}
