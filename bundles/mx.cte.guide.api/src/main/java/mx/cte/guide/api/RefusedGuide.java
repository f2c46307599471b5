package mx.cte.guide.api;

import java.util.List;

/**
 * A guide bundle whose descriptor could not be accepted. Nothing else is affected by a refusal.
 *
 * @param source   the bundle
 * @param problems every problem found, each with its JSON path
 */
public record RefusedGuide(GuideSource source, List<GuideProblem> problems) {

    public RefusedGuide {
        problems = List.copyOf(problems);
    }
}
