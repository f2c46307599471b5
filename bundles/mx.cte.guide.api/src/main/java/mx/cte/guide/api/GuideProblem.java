package mx.cte.guide.api;

/**
 * What is wrong in a guide descriptor, and where.
 *
 * @param path    JSON path of the offending value, e.g. {@code $.sections[0].activities[2].number}; {@code $} for the
 *                whole document
 * @param message what is wrong, in Spanish, for the guide's authors
 * @param line    the line of the descriptor where the value (or the object missing it) starts, from 1; 0 when it is
 *                not known (a problem of the bundle, not of its descriptor)
 */
public record GuideProblem(String path, String message, int line) {

    /** A problem whose line is not known. */
    public GuideProblem(String path, String message) {
        this(path, message, 0);
    }

    /** The same problem, found at that line. */
    public GuideProblem atLine(int foundAt) {
        return new GuideProblem(path, message, foundAt);
    }

    @Override
    public String toString() {
        return (line > 0 ? "línea " + line + ", " : "") + path + ": " + message;
    }
}
