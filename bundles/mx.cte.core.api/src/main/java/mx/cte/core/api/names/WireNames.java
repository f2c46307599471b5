package mx.cte.core.api.names;

import java.util.Arrays;
import java.util.List;

/** Reading wire names back into enums. */
public final class WireNames {

    private WireNames() {
    }

    /**
     * @param field the request field it came in, for the error
     * @param what  the thing it names with its article, e.g. "un avance"
     * @throws IllegalArgumentException "avance: 'casi' no es un avance; use logrado, en-proceso o sin-avance"
     */
    public static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String text, String field, String what) {
        return find(type, text).orElseThrow(() -> new IllegalArgumentException(field + ": '" + text + "' no es "
                + what + "; use " + choices(type)));
    }

    /** The value of {@code type} whose wire name is {@code text}, if there is one. */
    public static <E extends Enum<E> & WireNamed> java.util.Optional<E> find(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(text)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }

    /** "logrado, en-proceso o sin-avance". */
    public static <E extends Enum<E> & WireNamed> String choices(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " o " + names.get(names.size() - 1);
    }
}
