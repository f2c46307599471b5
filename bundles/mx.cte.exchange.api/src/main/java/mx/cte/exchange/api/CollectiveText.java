package mx.cte.exchange.api;

import java.util.List;

/**
 * A collective text of one activity of a session: the contributions of several people and the text the collective
 * wrote from them. Two activities that yield the same kind of text (activities 15 and 19 of the third session both
 * ask for highlights of readings) each have their own.
 *
 * @param activity the activity's number in the session's guide
 * @param version  0 while the collective has not written its text
 */
public record CollectiveText(int activity, TextKind kind, String session, List<Contribution> contributions,
        String text, long version) {

    public CollectiveText {
        contributions = List.copyOf(contributions);
        text = text == null ? "" : text.strip();
    }
}
