package mx.cte.schools.api;

import java.util.Objects;

/**
 * A school zone: zones are numbered within a state and a level (zone 15 of preescolar and zone 15 of primaria are
 * different zones with different supervisors). Written as {@code 15-preescolar-015}.
 */
public record ZoneId(State state, Level level, int number) {

    public static final int MAX_NUMBER = 9999;

    public ZoneId {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(level, "level");
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("El número de zona escolar va de 1 a " + MAX_NUMBER + ": " + number);
        }
    }

    public String key() {
        return state.code() + "-" + level.wireName() + "-" + String.format("%03d", number);
    }

    /** Reads {@link #key()}. */
    public static ZoneId parse(String key) {
        String[] parts = key == null ? new String[0] : key.split("-");
        if (parts.length != 3 || !parts[2].matches("\\d{1,4}")) {
            throw new IllegalArgumentException("La zona '" + key
                    + "' no tiene la forma entidad-nivel-número, p. ej. 15-preescolar-015");
        }
        State state = State.byCode(parts[0]).orElseThrow(
                () -> new IllegalArgumentException("La zona '" + key + "' no empieza con una entidad de 01 a 32"));
        Level level = Level.parse(parts[1]).orElseThrow(
                () -> new IllegalArgumentException("La zona '" + key + "' no nombra un nivel: preescolar, primaria o secundaria"));
        return new ZoneId(state, level, Integer.parseInt(parts[2]));
    }

    @Override
    public String toString() {
        return key();
    }
}
