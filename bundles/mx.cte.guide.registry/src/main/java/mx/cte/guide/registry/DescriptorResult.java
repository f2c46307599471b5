package mx.cte.guide.registry;

import java.util.List;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;

/** Outcome of reading a descriptor: a valid guide, or the problems that make it invalid. Never both. */
record DescriptorResult(Guide guide, List<GuideProblem> problems) {

    DescriptorResult {
        problems = List.copyOf(problems);
    }

    static DescriptorResult valid(Guide guide) {
        return new DescriptorResult(guide, List.of());
    }

    static DescriptorResult invalid(List<GuideProblem> problems) {
        return new DescriptorResult(null, problems);
    }

    boolean isValid() {
        return guide != null;
    }
}
