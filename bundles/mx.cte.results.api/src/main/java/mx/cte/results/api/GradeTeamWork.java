package mx.cte.results.api;

import java.util.Map;

/**
 * What a grade team writes (activities 3 and 5): its coincidences, in its own words once edited, and its synthesis
 * completing the guide's frames.
 *
 * @param version 0 while nothing has been written
 */
public record GradeTeamWork(int grade, String coincidences, Map<SynthesisFrame, String> synthesis, long version) {

    public GradeTeamWork {
        coincidences = coincidences == null ? "" : coincidences.strip();
        synthesis = Map.copyOf(synthesis);
    }
}
