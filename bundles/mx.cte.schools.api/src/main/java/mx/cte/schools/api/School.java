package mx.cte.schools.api;

import java.util.List;

/**
 * A school as the directory holds it.
 *
 * @param version increases with every change; a change must name the version it was based on
 */
public record School(Cct cct, String name, String municipality, Level level, ZoneId zone, Shift shift,
        boolean multigrade, List<SchoolGroup> groups, long version) {

    public School {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public State state() {
        return cct.state();
    }
}
