package mx.cte.exchange.api;

import java.time.Instant;

/**
 * One person's short contribution to a collective text: an idea of the brainstorm, a term highlighted in a reading,
 * a comment.
 *
 * @param activity the activity of the session's guide it contributes to
 * @param reading  the guide reading it highlights (its id in the guide), empty for others
 */
public record Contribution(long id, int activity, TextKind kind, String reading, String text, String author,
        Instant createdAt) {
}
