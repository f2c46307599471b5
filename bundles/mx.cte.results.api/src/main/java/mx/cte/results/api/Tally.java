package mx.cte.results.api;

import java.util.EnumMap;
import java.util.Map;

/** How many assessments gave each progress. Immutable; {@link #plus} returns a new tally. */
public record Tally(int logrado, int enProceso, int sinAvance) {

    public static final Tally ZERO = new Tally(0, 0, 0);

    public Tally plus(Progress progress) {
        return switch (progress) {
            case LOGRADO -> new Tally(logrado + 1, enProceso, sinAvance);
            case EN_PROCESO -> new Tally(logrado, enProceso + 1, sinAvance);
            case SIN_AVANCE -> new Tally(logrado, enProceso, sinAvance + 1);
        };
    }

    public Tally plus(Tally other) {
        return new Tally(logrado + other.logrado, enProceso + other.enProceso, sinAvance + other.sinAvance);
    }

    public int total() {
        return logrado + enProceso + sinAvance;
    }

    public Map<Progress, Integer> asMap() {
        Map<Progress, Integer> map = new EnumMap<>(Progress.class);
        map.put(Progress.LOGRADO, logrado);
        map.put(Progress.EN_PROCESO, enProceso);
        map.put(Progress.SIN_AVANCE, sinAvance);
        return map;
    }
}
