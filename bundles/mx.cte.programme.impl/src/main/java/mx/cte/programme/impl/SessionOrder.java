package mx.cte.programme.impl;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sessions of one school year in the order they are held: numbers compared as numbers ({@code ordinaria-2} before
 * {@code ordinaria-10}), and the intensive phase ({@code intensiva-…}) before the ordinary sessions.
 */
final class SessionOrder implements Comparator<String> {

    static final SessionOrder INSTANCE = new SessionOrder();
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private SessionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        Matcher left = CHUNK.matcher(a);
        Matcher right = CHUNK.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
