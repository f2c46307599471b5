package mx.cte.results.api;

import java.util.List;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/** A school's tables of expected results, one per period. Callers check the school scope before calling. */
@ProviderType
public interface ExpectedResults {

    /**
     * @throws IllegalArgumentException naming what is wrong: a grade the school's level does not have, a group the
     *                                  school does not have in that grade, an empty area or text
     */
    ExpectedResult add(Cct school, Period period, ExpectedResultDraft draft, String author);

    /** @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion} */
    ExpectedResult update(Cct school, long id, ExpectedResultDraft draft, long expectedVersion, String author);

    /** @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion} */
    void remove(Cct school, long id, long expectedVersion, String author);

    /** One of the school's expected results, by id. */
    java.util.Optional<ExpectedResult> find(Cct school, long id);

    /** The table for the period: by grade, the whole grade's results before each group's, then in the order entered. */
    List<ExpectedResult> table(Cct school, Period period);

    /**
     * Copies the results of one period into another (the previous session's table as the starting point), leaving
     * out those the target already has (same grade, group, area and text).
     *
     * @return how many were copied
     */
    int copyForward(Cct school, Period from, Period to, String author);
}
