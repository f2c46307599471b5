package mx.cte.guide.api;

/**
 * What is wrong in a guide descriptor, and where.
 *
 * @param path    JSON path of the offending value, e.g. {@code $.sections[0].activities[2].number}; {@code $} for the
 *                whole document
 * @param message what is wrong, in Spanish, for the guide's authors
 */
public record GuideProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
