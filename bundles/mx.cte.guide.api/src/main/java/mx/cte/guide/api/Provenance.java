package mx.cte.guide.api;

import java.util.Map;

/**
 * Where the items of a guide composed from a state's overlay come from: the national guide's edition it was applied
 * to, and each item the state added or replaced ({@code actividad:12}, {@code seccion:toma-de-acuerdos},
 * {@code lectura:id}, {@code producto:12:tipo}, {@code propositos}). An item not listed is the base guide's, as its
 * publisher published it.
 *
 * @param baseKey     the key of the guide the overlay applies to
 * @param baseVersion the edition of it the overlay was applied to
 * @param basePublisher who publishes the base guide ({@code SEP})
 * @param items       item → {@code agregado}, {@code reemplazado} or {@code oculto}, by the overlay's publisher
 */
public record Provenance(String baseKey, String baseVersion, String basePublisher, Map<String, String> items) {

    public static final String ADDED = "agregado";
    public static final String REPLACED = "reemplazado";
    public static final String HIDDEN = "oculto";

    public Provenance {
        items = Immutables.map(items);
    }
}
