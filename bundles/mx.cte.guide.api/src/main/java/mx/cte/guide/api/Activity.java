package mx.cte.guide.api;

import java.util.List;

/**
 * An activity of a guide.
 *
 * @param number         its key, unique across the guide: what the modules file its work under and what its address
 *                       carries. It is the printed number when that is a whole number; a descriptor gives it
 *                       explicitly ({@code key}) for sub-numbered ("3.1") or unnumbered steps
 * @param label          its numbering as printed ("3", "3.1", "3 a"), empty for an unnumbered step
 * @param title          a short title, may be empty (older guides number activities without titles)
 * @param editorialTitle the title was added by whoever encoded the guide; the guide does not print it
 * @param participations who does it, as printed, one or more
 * @param instructions   what to do, block by block, addressed to the collective as the guide writes it
 * @param prompts        questions, sentence frames and points to consider, in order
 * @param criteria       classification criteria the activity offers, e.g. a) to f) of activity 8
 * @param notes          remarks printed with it (variants for multigrade schools, what its products are for)
 * @param readings       ids of the readings it uses
 * @param footnotes      ids of footnotes marked at the end of its title
 * @param purposes       purposes printed for this activity
 * @param materials      materials printed for this activity
 * @param minutes        its planned duration, 0 when the guide gives none
 * @param products       what it yields, none for a reading or a conversation the guide keeps no record of
 */
public record Activity(int number, String label, String title, boolean editorialTitle,
        List<Participation> participations, List<Block> instructions, List<Prompt> prompts, List<Criterion> criteria,
        List<String> notes, List<String> readings, List<String> footnotes, ItemList purposes, ItemList materials,
        int minutes, List<ProductRef> products) {

    public Activity {
        label = Immutables.text(label);
        title = Immutables.text(title);
        participations = Immutables.list(participations);
        instructions = Immutables.list(instructions);
        prompts = Immutables.list(prompts);
        criteria = Immutables.list(criteria);
        notes = Immutables.list(notes);
        readings = Immutables.list(readings);
        footnotes = Immutables.list(footnotes);
        purposes = purposes == null ? ItemList.empty() : purposes;
        materials = materials == null ? ItemList.empty() : materials;
        products = Immutables.list(products);
    }

    /** Whether it yields a product of this type. */
    public boolean yields(String productType) {
        return products.stream().anyMatch(p -> p.type().equals(productType));
    }
}
