package mx.cte.guide.api;

/** Who does an activity; the descriptor uses the Spanish wire names. */
public enum Participation {
    /** Each teacher or agent on their own ({@code individual}). */
    INDIVIDUAL("individual"),
    /** Teams formed by grade ({@code equipo-por-grado}). */
    TEAM_BY_GRADE("equipo-por-grado"),
    /** Teams formed otherwise ({@code equipo}). */
    TEAM("equipo"),
    /** The whole school collective ({@code colectivo}). */
    COLLECTIVE("colectivo"),
    /** The school's director ({@code director}). */
    DIRECTOR("director"),
    /** Collectives of several schools together ({@code entre-escuelas}). */
    SCHOOLS("entre-escuelas"),
    /** The zone council: supervisor and directors ({@code consejo-de-zona}). */
    ZONE_COUNCIL("consejo-de-zona");

    private final String wireName;

    Participation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Participation fromWireName(String name) {
        return WireNames.lookup(values(), Participation::wireName, name, "Valor de participación");
    }
}
