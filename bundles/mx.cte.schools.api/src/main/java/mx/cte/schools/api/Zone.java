package mx.cte.schools.api;

/** A zone with how many schools the directory holds in it. */
public record Zone(ZoneId id, int schools) {
}
