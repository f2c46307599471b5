/**
 * Results analysis, the first part of a session (¿Qué avances tenemos?). It starts from the school's
 * {@link mx.cte.results.api.ExpectedResult Cuadro de resultados esperados} for a {@link mx.cte.results.api.Period}:
 * per grade and group, each expected result with its indicator area and the Ruta de Mejora objective and goal it
 * serves, entered or copied forward from the previous period. {@link mx.cte.results.api.ResultsAnalysis} carries the
 * analysis from there: ratings per group, coincidences by grade, the school concentrate and the roll-ups.
 */
@Export
@Version("1.2.0")
package mx.cte.results.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
