package mx.cte.schools.api;

import java.util.Optional;

/** The 32 entidades federativas, numbered as INEGI and the SEP number them (the first two digits of every CCT). */
public enum State {
    AGUASCALIENTES("01", "Aguascalientes"),
    BAJA_CALIFORNIA("02", "Baja California"),
    BAJA_CALIFORNIA_SUR("03", "Baja California Sur"),
    CAMPECHE("04", "Campeche"),
    COAHUILA("05", "Coahuila de Zaragoza"),
    COLIMA("06", "Colima"),
    CHIAPAS("07", "Chiapas"),
    CHIHUAHUA("08", "Chihuahua"),
    CIUDAD_DE_MEXICO("09", "Ciudad de México"),
    DURANGO("10", "Durango"),
    GUANAJUATO("11", "Guanajuato"),
    GUERRERO("12", "Guerrero"),
    HIDALGO("13", "Hidalgo"),
    JALISCO("14", "Jalisco"),
    MEXICO("15", "México"),
    MICHOACAN("16", "Michoacán de Ocampo"),
    MORELOS("17", "Morelos"),
    NAYARIT("18", "Nayarit"),
    NUEVO_LEON("19", "Nuevo León"),
    OAXACA("20", "Oaxaca"),
    PUEBLA("21", "Puebla"),
    QUERETARO("22", "Querétaro"),
    QUINTANA_ROO("23", "Quintana Roo"),
    SAN_LUIS_POTOSI("24", "San Luis Potosí"),
    SINALOA("25", "Sinaloa"),
    SONORA("26", "Sonora"),
    TABASCO("27", "Tabasco"),
    TAMAULIPAS("28", "Tamaulipas"),
    TLAXCALA("29", "Tlaxcala"),
    VERACRUZ("30", "Veracruz de Ignacio de la Llave"),
    YUCATAN("31", "Yucatán"),
    ZACATECAS("32", "Zacatecas");

    private final String code;
    private final String displayName;

    State(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** Two digits, {@code 01} to {@code 32}. */
    public String code() {
        return code;
    }

    /** The official name, in Spanish. */
    public String displayName() {
        return displayName;
    }

    public static Optional<State> byCode(String code) {
        for (State state : values()) {
            if (state.code.equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a state as catalogues write it: its number ({@code 15}, {@code 9} or {@code 09}) or its name, with or
     * without accents and in any case ({@code MÉXICO}, {@code Estado de México}, {@code ciudad de mexico}, {@code CDMX}).
     */
    public static Optional<State> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.matches("\\d{1,2}")) {
            return byCode(value.length() == 1 ? "0" + value : value);
        }
        String wanted = Texts.fold(value);
        if (wanted.equals("estado de mexico") || wanted.equals("edomex")) {
            return Optional.of(MEXICO);
        }
        if (wanted.equals("cdmx") || wanted.equals("distrito federal")) {
            return Optional.of(CIUDAD_DE_MEXICO);
        }
        for (State state : values()) {
            String name = Texts.fold(state.displayName);
            if (name.equals(wanted) || name.startsWith(wanted + " de ")) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code + " (" + displayName + ")";
    }
}
