package mx.cte.results.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a table of expected results is for: a month ({@code 2016-11}) or a bimester of a school year
 * ({@code 2016-2017-b2}), as the collective sets its short-term goals.
 */
public record Period(String key) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern BIMESTER = Pattern.compile("(\\d{4})-(\\d{4})-b([1-5])");
    private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"};

    public Period {
        Objects.requireNonNull(key, "key");
        key = key.strip();
        Matcher bimester = BIMESTER.matcher(key);
        if (bimester.matches()) {
            if (Integer.parseInt(bimester.group(2)) != Integer.parseInt(bimester.group(1)) + 1) {
                throw new IllegalArgumentException("El ciclo escolar de '" + key + "' debe abarcar dos años seguidos,"
                        + " p. ej. 2016-2017-b2");
            }
        } else if (!MONTH.matcher(key).matches()) {
            throw new IllegalArgumentException("El periodo '" + key + "' debe ser un mes (2016-11) o un bimestre del"
                    + " ciclo escolar (2016-2017-b2)");
        }
    }

    /** {@code noviembre de 2016}, {@code bimestre 2 del ciclo 2016-2017}. */
    public String displayName() {
        Matcher month = MONTH.matcher(key);
        if (month.matches()) {
            return MONTHS[Integer.parseInt(month.group(2)) - 1] + " de " + month.group(1);
        }
        Matcher bimester = BIMESTER.matcher(key);
        bimester.matches();
        return "bimestre " + bimester.group(3) + " del ciclo " + bimester.group(1) + "-" + bimester.group(2);
    }

    @Override
    public String toString() {
        return key;
    }
}
