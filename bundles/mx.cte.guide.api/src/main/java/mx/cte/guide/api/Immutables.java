package mx.cte.guide.api;

import java.util.List;
import java.util.Map;

/** Null-tolerant copies for record components: a descriptor may omit any optional list. */
final class Immutables {

    private Immutables() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    static String text(String text) {
        return text == null ? "" : text;
    }
}
