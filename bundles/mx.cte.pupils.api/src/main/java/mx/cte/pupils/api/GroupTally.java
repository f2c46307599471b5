package mx.cte.pupils.api;

import java.util.Map;
import mx.cte.schools.api.Cct;

/**
 * A group's pupils counted, with no name: what supervision and the state's authority see.
 *
 * @param lights          per area, how many pupils have each light (pupils not yet assessed are not counted)
 * @param risks           how many pupils have each risk of leaving
 * @param lowAttendance   how many attended less than {@link PupilRecords#LOW_ATTENDANCE} % of the days
 */
public record GroupTally(Cct school, int grade, String group, int pupils, Map<Area, Map<Light, Integer>> lights,
        Map<Risk, Integer> risks, int lowAttendance) {
}
