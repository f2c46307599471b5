package mx.cte.schools.api;

import java.util.List;

/**
 * A catalogue row that was not accepted.
 *
 * @param line    line of the file, counting the header as line 1
 * @param cct     the CCT as the row wrote it, possibly empty or malformed
 * @param reasons every problem of the row, in Spanish
 */
public record RejectedRow(int line, String cct, List<String> reasons) {

    public RejectedRow {
        reasons = List.copyOf(reasons);
    }
}
