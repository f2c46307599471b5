package mx.cte.guide.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OSGi version range as a guide writes it ({@code [1.0,2.0)}, {@code (1,2]}, or {@code 1.2}: that version or later),
 * tested against bundle versions ({@code 0.1.0.SNAPSHOT}: the qualifier of a version being built counts as the release
 * it leads to, so a development build satisfies what its release will).
 */
record VersionRange(String low, boolean lowIncluded, String high, boolean highIncluded) {

    private static final Pattern INTERVAL = Pattern.compile(
            "\\s*([\\[(])\\s*([0-9]+(?:\\.[0-9]+){0,2})\\s*,\\s*([0-9]+(?:\\.[0-9]+){0,2})\\s*([\\])])\\s*");
    private static final Pattern AT_LEAST = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+){0,2})\\s*");

    /** Parses a range the schema accepted; {@code IllegalArgumentException} for any other text. */
    static VersionRange parse(String text) {
        Matcher interval = INTERVAL.matcher(text);
        if (interval.matches()) {
            return new VersionRange(interval.group(2), interval.group(1).equals("["), interval.group(3),
                    interval.group(4).equals("]"));
        }
        Matcher atLeast = AT_LEAST.matcher(text);
        if (atLeast.matches()) {
            return new VersionRange(atLeast.group(1), true, null, false);
        }
        throw new IllegalArgumentException("«" + text + "» no es un rango de versiones");
    }

    /** Whether the range holds any version at all: {@code [2.0,1.0)} or {@code (1.0,1.0)} holds none. */
    boolean isEmpty() {
        if (high == null) {
            return false;
        }
        int order = Versions.compare(low, high);
        return order > 0 || order == 0 && !(lowIncluded && highIncluded);
    }

    boolean includes(String version) {
        String release = release(version);
        int fromLow = Versions.compare(release, low);
        if (fromLow < 0 || fromLow == 0 && !lowIncluded) {
            return false;
        }
        if (high == null) {
            return true;
        }
        int fromHigh = Versions.compare(release, high);
        return fromHigh < 0 || fromHigh == 0 && highIncluded;
    }

    /** {@code 0.1.0.SNAPSHOT} → {@code 0.1.0}: the numeric part of a bundle version. */
    private static String release(String version) {
        String[] parts = version.split("\\.");
        StringBuilder release = new StringBuilder();
        for (int i = 0; i < Math.min(3, parts.length) && parts[i].chars().allMatch(Character::isDigit)
                && !parts[i].isEmpty(); i++) {
            release.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return release.length() == 0 ? "0" : release.toString();
    }

    @Override
    public String toString() {
        return high == null ? low : (lowIncluded ? "[" : "(") + low + "," + high + (highIncluded ? "]" : ")");
    }
}
