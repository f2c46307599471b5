package mx.cte.security.api;

import java.util.Optional;

/** The roles of the platform, each with the kind of scope it is granted on. */
public enum Role {
    /** Teaches at one school: reads and writes that school's work. */
    DOCENTE("docente", "Docente", ScopeKind.SCHOOL),
    /** Directs one school: reads and writes that school's work. */
    DIRECTOR("director", "Director", ScopeKind.SCHOOL),
    /** Supervises one zone: reads its schools' work, cannot edit it. */
    SUPERVISOR("supervisor", "Supervisor de zona", ScopeKind.ZONE),
    /** The state's education authority: reads its state's schools. */
    AUTORIDAD_ESTATAL("autoridad-estatal", "Autoridad educativa estatal", ScopeKind.STATE),
    /** Installs and activates guides for a state ({@code 15}) or, for the SEP, nationally ({@code SEP}). */
    PUBLICADOR("publicador", "Publicador de guías", ScopeKind.PUBLISHER),
    /** Runs the platform: accounts, modules, imports. Reads no school's work by that role alone. */
    ADMINISTRADOR("administrador", "Administrador de la plataforma", ScopeKind.NONE);

    /** What a grant of the role is scoped to. */
    public enum ScopeKind {
        SCHOOL, ZONE, STATE, PUBLISHER, NONE
    }

    private final String wireName;
    private final String displayName;
    private final ScopeKind scopeKind;

    Role(String wireName, String displayName, ScopeKind scopeKind) {
        this.wireName = wireName;
        this.displayName = displayName;
        this.scopeKind = scopeKind;
    }

    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public static Optional<Role> parse(String wireName) {
        for (Role role : values()) {
            if (role.wireName.equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
