package mx.cte.guide.api;

/**
 * Who publishes a guide.
 *
 * @param code {@code SEP} or a state's number {@code 01}-{@code 32}; equal to {@link GuideId#publisher()}
 * @param name the publisher's name as printed on the guide
 */
public record Publisher(String code, String name) {

    public static final String NATIONAL = "SEP";

    public Publisher {
        name = Immutables.text(name);
    }

    public boolean isNational() {
        return NATIONAL.equals(code);
    }
}
