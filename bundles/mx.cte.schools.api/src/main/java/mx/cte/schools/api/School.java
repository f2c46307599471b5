package mx.cte.schools.api;

import java.util.List;

/**
 * A school as the directory holds it.
 *
 * @param modality the service it gives within its level; guides may be written for one
 * @param version  increases with every change; a change must name the version it was based on
 */
public record School(Cct cct, String name, String municipality, Level level, Modality modality, ZoneId zone,
        Shift shift, boolean multigrade, List<SchoolGroup> groups, long version) {

    public School {
        modality = modality == null ? Modality.GENERAL : modality;
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A school of the general modality. */
    public School(Cct cct, String name, String municipality, Level level, ZoneId zone, Shift shift,
            boolean multigrade, List<SchoolGroup> groups, long version) {
        this(cct, name, municipality, level, Modality.GENERAL, zone, shift, multigrade, groups, version);
    }

    public State state() {
        return cct.state();
    }
}
