package mx.cte.guide.registry;

import java.util.List;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideProblem;

/**
 * Outcome of reading a descriptor: a valid guide, a valid state overlay of a guide, or the problems that make it
 * invalid. Never more than one.
 */
record DescriptorResult(Guide guide, Overlay overlay, List<GuideProblem> problems) {

    DescriptorResult {
        problems = List.copyOf(problems);
    }

    static DescriptorResult valid(Guide guide) {
        return new DescriptorResult(guide, null, List.of());
    }

    static DescriptorResult validOverlay(Overlay overlay) {
        return new DescriptorResult(null, overlay, List.of());
    }

    static DescriptorResult invalid(List<GuideProblem> problems) {
        return new DescriptorResult(null, null, problems);
    }

    boolean isValid() {
        return guide != null || overlay != null;
    }

    boolean isOverlay() {
        return overlay != null;
    }

    /** The guide a valid descriptor publishes: its own, or for an overlay, the state's guide it composes. */
    mx.cte.guide.api.GuideId id() {
        return isOverlay() ? overlay.id() : guide.id();
    }

    /** The edition a valid descriptor publishes. */
    String version() {
        return isOverlay() ? overlay.version() : guide.version();
    }

    /** How logs name what was read: {@code SEP:…:ordinaria-3 1.0.0}, or the overlay's guide and edition. */
    String describe() {
        return guide != null ? guide.id().key() + " " + guide.version()
                : overlay != null ? overlay.id().key() + " " + overlay.version() + " (capa sobre "
                        + overlay.base().id().key() + ")" : "inválido";
    }
}
