package mx.cte.exchange.api;

import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * Schools that will exchange with each other in the next session.
 *
 * @param id      0 for a suggestion not confirmed yet
 * @param score   for a suggestion, the mean score of its pairs
 * @param reasons for a suggestion, why its schools were put together
 */
public record ExchangeGroup(long id, List<Cct> schools, double score, List<String> reasons) {

    public ExchangeGroup {
        schools = List.copyOf(schools);
        reasons = List.copyOf(reasons);
    }
}
