package mx.cte.guide.api;

import java.util.List;

/**
 * A titled list as guides print them: purposes ("Que el colectivo docente:" and the items), materials, products.
 *
 * @param lead  the sentence that introduces the items, may be empty
 * @param items the items, in order
 * @param notes remarks printed with the list, e.g. who is invited to see the products
 */
public record ItemList(String lead, List<String> items, List<String> notes) {

    public ItemList {
        lead = Immutables.text(lead);
        items = Immutables.list(items);
        notes = Immutables.list(notes);
    }

    public static ItemList empty() {
        return new ItemList("", List.of(), List.of());
    }
}
