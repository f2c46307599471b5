package mx.cte.security.api;

import java.util.List;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;

/**
 * The signed-in person making a request, and the access rules every endpoint applies. A school's work is reachable
 * only by its own staff (read and write), its zone's supervisor (read) and its state's authority (read); the platform
 * administrator runs the platform but reads no school's work by that role alone.
 */
public record Caller(String username, String displayName, List<RoleGrant> grants) {

    /**
     * The servlet request attribute under which the platform's session filter leaves the signed-in caller for every
     * {@code /api/*} request that is not public. Endpoints take it from there and apply the rules below.
     */
    public static final String REQUEST_ATTRIBUTE = "mx.cte.security.caller";

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean has(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    public boolean isAdministrator() {
        return has(Role.ADMINISTRADOR);
    }

    /** Staff of the school: may read and write its work. */
    public boolean isStaffOf(Cct school) {
        return grants.stream().anyMatch(g -> (g.role() == Role.DOCENTE || g.role() == Role.DIRECTOR)
                && g.scope().equals(school.value()));
    }

    public boolean canWrite(Cct school) {
        return isStaffOf(school);
    }

    /**
     * The school's director: decides what the collective's work is shared and how the school is organised (its
     * groups, whether it is multigrade), besides writing its work as all its staff do.
     */
    public boolean isDirectorOf(Cct school) {
        return grants.stream().anyMatch(g -> g.role() == Role.DIRECTOR && g.scope().equals(school.value()));
    }

    /** The school's staff, its zone's supervisor, its state's authority. */
    public boolean canRead(Cct school, ZoneId zone) {
        return isStaffOf(school) || canReadZone(zone);
    }

    /** The zone's supervisor: keeps the zone's own work, such as the agreements of its Consejo Técnico de Zona. */
    public boolean supervises(ZoneId zone) {
        return grants.stream().anyMatch(g -> g.role() == Role.SUPERVISOR && g.scope().equals(zone.key()));
    }

    /** The zone's supervisor and its state's authority read all its schools. */
    public boolean canReadZone(ZoneId zone) {
        return grants.stream().anyMatch(g -> (g.role() == Role.SUPERVISOR && g.scope().equals(zone.key()))
                || isAuthorityOf(zone.state()));
    }

    /** The state's education authority: reads its zones and schools, and the state's roll-ups. */
    public boolean isAuthorityOf(State state) {
        return grants.stream().anyMatch(g -> g.role() == Role.AUTORIDAD_ESTATAL && g.scope().equals(state.code()));
    }

    /** May install and activate guides of this publisher ({@code SEP} or a state's number). */
    public boolean canPublish(String publisherCode) {
        return isAdministrator() || grants.stream()
                .anyMatch(g -> g.role() == Role.PUBLICADOR && g.scope().equals(publisherCode));
    }
}
