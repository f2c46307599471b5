package mx.cte.guide.api;

/** Kinds of guide section; the descriptor uses the Spanish wire names. Format 1 knows the first four. */
public enum SectionKind {
    /** A part of the session ({@code apartado}). */
    PART("apartado"),
    /** A moment: before, during or after the meeting ({@code momento}). */
    MOMENT("momento"),
    /** A day of a multi-day session such as the intensive phase ({@code dia}). */
    DAY("dia"),
    /** An annex: tables and formats ({@code anexo}). */
    ANNEX("anexo"),
    /** Work done before the session day ({@code previa}): "Actividades previas". */
    BEFORE("previa"),
    /** Front matter that is neither presentation nor activity ({@code preliminar}): "Medidas de salud". */
    FRONT_MATTER("preliminar");

    private final String wireName;

    SectionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SectionKind fromWireName(String name) {
        return WireNames.lookup(values(), SectionKind::wireName, name, "Tipo de sección");
    }
}
