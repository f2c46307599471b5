package mx.cte.guide.api;

import java.util.List;

/**
 * A text the collective reads during the session, reproduced in the guide.
 *
 * @param id             unique within the guide; activities and sections refer to it
 * @param title          title shown above it, may be empty
 * @param editorialTitle the title was added by whoever encoded the guide; the guide prints the text untitled
 * @param paragraphs     the text, block by block ("[…]" marks omissions as in the guide)
 * @param items          a list that belongs to the text (e.g. purposes it enumerates), may be empty
 * @param citation       its source, absent for texts of the guide's own publisher
 */
public record Reading(String id, String title, boolean editorialTitle, List<Block> paragraphs, List<String> items,
        Citation citation) {

    public Reading {
        title = Immutables.text(title);
        paragraphs = Immutables.list(paragraphs);
        items = Immutables.list(items);
    }
}
