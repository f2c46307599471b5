/**
 * The school's improvement programme: the Programa Escolar de Mejora Continua (PEMC, since 2019) or the Ruta de
 * Mejora Escolar before it. A diagnosis by area, objectives written as verb + indicator + metric + target + date with
 * their goals, actions with their area, responsibles, resources, dates and measure, and the follow-up each CTE session
 * records per action. One programme per school and school year, carried over to the next; supervisors read what the
 * school published.
 */
@Export
@Version("1.0.0")
package mx.cte.programme.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
