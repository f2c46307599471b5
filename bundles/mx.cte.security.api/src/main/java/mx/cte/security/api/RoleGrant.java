package mx.cte.security.api;

import java.util.Objects;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.State;
import mx.cte.schools.api.ZoneId;

/**
 * A role on its scope: {@code director} of {@code 15EJN0101A}, {@code supervisor} of {@code 15-preescolar-015},
 * {@code autoridad-estatal} of {@code 15}, {@code publicador} of {@code SEP} or {@code 15}, {@code administrador}
 * with no scope. The scope is checked against the role when the grant is made.
 */
public record RoleGrant(Role role, String scope) {

    public RoleGrant {
        Objects.requireNonNull(role, "role");
        scope = scope == null || scope.isBlank() ? null : scope.strip();
        switch (role.scopeKind()) {
            case SCHOOL -> scope = Cct.parse(required(role, scope)).value();
            case ZONE -> scope = ZoneId.parse(required(role, scope)).key();
            case STATE -> scope = state(role, scope);
            case PUBLISHER -> scope = "SEP".equalsIgnoreCase(required(role, scope)) ? "SEP" : state(role, scope);
            case NONE -> {
                if (scope != null) {
                    throw new IllegalArgumentException("El rol " + role.wireName() + " no lleva ámbito");
                }
            }
            default -> throw new IllegalStateException(role.scopeKind().name());
        }
    }

    private static String required(Role role, String scope) {
        if (scope == null) {
            throw new IllegalArgumentException("El rol " + role.wireName() + " necesita su ámbito: "
                    + switch (role.scopeKind()) {
                        case SCHOOL -> "la CCT de la escuela";
                        case ZONE -> "la zona, p. ej. 15-preescolar-015";
                        case STATE -> "la entidad, p. ej. 15";
                        default -> "SEP o la entidad, p. ej. 15";
                    });
        }
        return scope;
    }

    private static String state(Role role, String scope) {
        return State.parse(required(role, scope)).orElseThrow(() -> new IllegalArgumentException(
                "El ámbito '" + scope + "' del rol " + role.wireName() + " no es una entidad de 01 a 32")).code();
    }

    /** {@code director@15EJN0101A}, {@code administrador}. */
    @Override
    public String toString() {
        return scope == null ? role.wireName() : role.wireName() + "@" + scope;
    }

    /** Reads {@link #toString()}. */
    public static RoleGrant parse(String text) {
        String value = text == null ? "" : text.strip();
        int at = value.indexOf('@');
        String roleName = at < 0 ? value : value.substring(0, at);
        Role role = Role.parse(roleName).orElseThrow(() -> new IllegalArgumentException("'" + roleName
                + "' no es un rol: docente, director, supervisor, autoridad-estatal, publicador, administrador"));
        return new RoleGrant(role, at < 0 ? null : value.substring(at + 1));
    }
}
