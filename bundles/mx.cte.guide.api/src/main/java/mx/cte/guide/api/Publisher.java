package mx.cte.guide.api;

import java.util.List;

/**
 * Who publishes a guide.
 *
 * @param code    {@code SEP} or a state's number {@code 01}-{@code 32}; equal to {@link GuideId#publisher()}
 * @param name    the publisher's name as printed on the guide
 * @param credits the credits page, line by line ("Secretario de Educación Pública: …"), may be empty
 */
public record Publisher(String code, String name, List<String> credits) {

    public static final String NATIONAL = "SEP";

    public Publisher {
        name = Immutables.text(name);
        credits = Immutables.list(credits);
    }

    public boolean isNational() {
        return NATIONAL.equals(code);
    }
}
