package mx.cte.guide.api;

/**
 * Which edition of a guide is meant to be in use and which one is: the choice is an administrator's activation, or
 * the first edition that became usable when nobody had chosen; a newer edition installed beside it waits to be
 * activated. When the chosen edition cannot serve (its bundle was removed, or a module it needs is missing), the
 * newest usable edition serves instead and the reason says why: a fallback is never silent.
 *
 * @param chosenVersion  the edition chosen for the guide
 * @param activeVersion  the edition serving now; null when none can
 * @param fallbackReason why another edition serves in place of the chosen one, in Spanish; empty when the chosen one
 *                       serves, or when none can (the editions' status then says what they miss)
 */
public record EditionChoice(String chosenVersion, String activeVersion, String fallbackReason) {

    public EditionChoice {
        fallbackReason = Immutables.text(fallbackReason);
    }

    /** Whether another edition serves in place of the chosen one. */
    public boolean isFallback() {
        return !fallbackReason.isEmpty();
    }
}
