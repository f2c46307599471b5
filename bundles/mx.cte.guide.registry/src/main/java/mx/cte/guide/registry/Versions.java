package mx.cte.guide.registry;

import java.util.Comparator;

/** Orders {@code major.minor.patch} versions numerically (the schema guarantees the shape). */
final class Versions {

    static final Comparator<String> ASCENDING = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }
}
