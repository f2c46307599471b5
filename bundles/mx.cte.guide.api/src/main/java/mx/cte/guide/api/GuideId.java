package mx.cte.guide.api;

import java.util.Objects;

/**
 * Identity of a session guide, independent of its version: who publishes it, for which school year, level and session.
 * Nothing here is a fixed list: cycles, levels and sessions are whatever the publisher names.
 *
 * @param publisher {@code SEP} for a national guide, or a state's two-digit number {@code 01}-{@code 32}
 * @param cycle     school year, e.g. {@code 2016-2017}
 * @param level     educational level, e.g. {@code preescolar}
 * @param session   session within the cycle, e.g. {@code ordinaria-3} or {@code intensiva}
 */
public record GuideId(String publisher, String cycle, String level, String session) {

    private static final String SEPARATOR = ":";

    public GuideId {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(session, "session");
    }

    /** The key used in URLs and shell commands: {@code SEP:2016-2017:preescolar:ordinaria-3}. */
    public String key() {
        return String.join(SEPARATOR, publisher, cycle, level, session);
    }

    /**
     * Parses a {@link #key()}.
     *
     * @throws IllegalArgumentException if the key has not exactly four non-empty parts
     */
    public static GuideId parse(String key) {
        String[] parts = key == null ? new String[0] : key.split(SEPARATOR, -1);
        if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("La clave de guía '" + key
                    + "' no es válida: se esperaba editor:ciclo:nivel:sesión, por ejemplo SEP:2016-2017:preescolar:ordinaria-3");
        }
        return new GuideId(parts[0], parts[1], parts[2], parts[3]);
    }

    @Override
    public String toString() {
        return key();
    }
}
