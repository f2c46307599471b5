package mx.cte.exchange.api;

import java.util.List;

/**
 * A collective text of a session: the contributions of several people and the text the collective wrote from them.
 *
 * @param version 0 while the collective has not written its text
 */
public record CollectiveText(TextKind kind, String session, List<Contribution> contributions, String text,
        long version) {

    public CollectiveText {
        contributions = List.copyOf(contributions);
        text = text == null ? "" : text.strip();
    }
}
