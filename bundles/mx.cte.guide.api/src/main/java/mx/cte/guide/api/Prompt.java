package mx.cte.guide.api;

import java.util.List;

/**
 * One thing an activity asks: a question to answer, a sentence frame to complete, or an instruction.
 *
 * @param kind      what kind of prompt it is
 * @param text      its text; a sentence frame keeps its ellipses ("Las acciones que … son… porque…")
 * @param footnotes ids of footnotes marked on it
 */
public record Prompt(PromptKind kind, String text, List<String> footnotes) {

    public Prompt {
        footnotes = Immutables.list(footnotes);
    }
}
