package mx.cte.guide.api;

import java.util.function.Function;

/** Lookup of the enums that travel by Spanish wire names in descriptors and in the API. */
final class WireNames {

    private WireNames() {
    }

    static <E extends Enum<E>> E lookup(E[] values, Function<E, String> wireName, String name, String what) {
        for (E value : values) {
            if (wireName.apply(value).equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " desconocido: " + name);
    }
}
