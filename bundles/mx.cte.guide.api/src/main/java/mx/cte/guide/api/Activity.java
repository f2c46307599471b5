package mx.cte.guide.api;

import java.util.List;

/**
 * A numbered activity of a guide. Numbers are unique across the whole guide, as guides number them.
 *
 * @param number       its number
 * @param title        a short title, may be empty (older guides number activities without titles)
 * @param participation who does it
 * @param instructions what to do, paragraph by paragraph, addressed to the collective as the guide writes it
 * @param prompts      questions, sentence frames and points to consider, in order
 * @param criteria     classification criteria the activity offers, e.g. a) to f) of activity 8
 * @param notes        remarks printed with it (variants for multigrade schools, what its products are for)
 * @param readings     ids of the readings it uses
 * @param footnotes    ids of footnotes marked on its text
 * @param product      what it yields
 */
public record Activity(int number, String title, Participation participation, List<String> instructions,
        List<Prompt> prompts, List<Criterion> criteria, List<String> notes, List<String> readings,
        List<String> footnotes, ProductRef product) {

    public Activity {
        title = Immutables.text(title);
        instructions = Immutables.list(instructions);
        prompts = Immutables.list(prompts);
        criteria = Immutables.list(criteria);
        notes = Immutables.list(notes);
        readings = Immutables.list(readings);
        footnotes = Immutables.list(footnotes);
    }
}
