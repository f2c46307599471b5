package mx.cte.forms.api;

/**
 * A checklist's answer to one item, or the level a rubric gives one criterion.
 *
 * @param level   one of the levels its guide lists, or empty while not answered
 * @param comment what the collective adds, may be empty
 */
public record ItemAnswer(String level, String comment) {

    public ItemAnswer {
        level = level == null ? "" : level.strip();
        comment = comment == null ? "" : comment.strip();
    }
}
