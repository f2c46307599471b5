package mx.cte.results.api;

import mx.cte.schools.api.Cct;

/** One row of a school's Cuadro de resultados esperados. */
public record ExpectedResult(long id, Cct school, Period period, ExpectedResultDraft content, long version) {
}
