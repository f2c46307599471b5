package mx.cte.schools.api;

/** Told how far a long import has come, so that a shell or a client can show it. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done, in Spanish: "revisando filas", "guardando escuelas"
     * @param done  rows done in this phase
     * @param total rows the phase has, or -1 while unknown
     */
    void progressed(String phase, int done, int total);
}
