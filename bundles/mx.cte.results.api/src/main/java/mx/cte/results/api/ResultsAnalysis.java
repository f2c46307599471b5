package mx.cte.results.api;

import java.util.List;
import java.util.Map;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The analysis of a period's expected results, activities 2 to 7 of the third session: each group's assessment, the
 * grade teams' coincidences and synthesis, the valuation of the Estrategia Global, the school concentrate linked to the
 * Ruta de Mejora, and the read-only roll-ups of what schools publish. Callers check the school scope before calling;
 * every change names the version it was based on (0 for something not written yet) and is audited.
 *
 * <p>Invalid input raises {@link IllegalArgumentException} naming the field; an unknown record
 * {@link java.util.NoSuchElementException}; a stale version {@link mx.cte.storage.api.StaleVersionException}.
 */
@ProviderType
public interface ResultsAnalysis {

    /** The group's record: the expected results that apply to it with their ratings, reflection and observations. */
    GroupAssessment assessment(Cct school, Period period, int grade, String group);

    /** Rates an expected result for a group that it applies to (the grade's results apply to all its groups). */
    Rating rate(Cct school, long expectedResultId, String group, Progress progress, boolean hardest, String reason,
            long expectedVersion, String author);

    GroupReflection reflect(Cct school, Period period, int grade, String group, GroupReflection reflection,
            long expectedVersion, String author);

    /** Adds another agent's observation to a group's record. */
    Observation observe(Cct school, Period period, int grade, String group, Agent agent, String text, String author);

    void removeObservation(Cct school, long id, String author);

    /** Activity 3 for every grade of the school that has expected results in the period. */
    List<GradeCoincidences> coincidences(Cct school, Period period);

    GradeTeamWork saveTeamWork(Cct school, Period period, int grade, String coincidences,
            Map<SynthesisFrame, String> synthesis, long expectedVersion, String author);

    List<StrategyAction> strategy(Cct school, Period period);

    /** @param id 0 to add an action */
    StrategyAction saveStrategyAction(Cct school, Period period, long id, String action, String ambit,
            boolean contributes, String reason, long expectedVersion, String author);

    void removeStrategyAction(Cct school, long id, long expectedVersion, String author);

    Concentrate concentrate(Cct school, Period period);

    /**
     * The concentrate a multigrade collective would start from: the ratings of all its schools taken together (the
     * guide's note to activity 6).
     *
     * @throws IllegalArgumentException when the schools do not form a collective: more than one school, all multigrade
     *                                  and of the same zone
     */
    List<ConcentrateItem> collectiveProposal(List<Cct> schools, Period period);

    /**
     * Saves the proposal's lines the concentrate does not have yet, computed from the school alone or, for a
     * multigrade collective, from {@code collective} (which includes the school).
     *
     * @return how many lines were added
     */
    int prefillConcentrate(Cct school, Period period, List<Cct> collective, String author);

    /** @param item with id 0 to add a line */
    ConcentrateItem saveConcentrateItem(Cct school, Period period, ConcentrateItem item, String author);

    void removeConcentrateItem(Cct school, long id, long expectedVersion, String author);

    /**
     * Records that {@code school} agrees to form the multigrade collective of {@code members} (its director agrees);
     * nothing is checked of the other schools, which the agreeing school may not read.
     *
     * @return the members that have not agreed yet
     */
    List<Cct> agreeToCollective(List<Cct> members, Cct school, String author);

    /**
     * The zone's supervision forms the collective for all its members at once.
     *
     * @throws IllegalArgumentException when the schools do not form a collective (see {@link #collectiveProposal})
     */
    void formCollective(List<Cct> members, String author);

    /** Withdraws {@code school}'s agreement: the collective stops until it agrees again. */
    void leaveCollective(List<Cct> members, Cct school, String author);

    /** The members that have not agreed to form this collective; empty when every school agreed. */
    List<Cct> collectivePending(List<Cct> members);

    /** Whether the school shares the period's analysis with its supervision. */
    boolean isPublished(Cct school, Period period);

    /** Shares (or stops sharing) the period's analysis with the zone's supervisor and the state's authority. */
    void publish(Cct school, Period period, boolean published, String author);

    Rollup zoneRollup(ZoneId zone, Period period);

    Rollup stateRollup(State state, Period period);
}
