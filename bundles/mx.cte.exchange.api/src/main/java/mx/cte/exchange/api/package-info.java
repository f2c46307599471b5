/**
 * Aprendizaje entre escuelas, the third session's last part and the fourth session's exchange. A school writes its
 * {@link mx.cte.exchange.api.CollectiveText collective texts} (activities 14 to 19), drafts its
 * {@link mx.cte.exchange.api.Presentation problem presentation} from what it already has (activity 20) and publishes it
 * to its zone; the zone's supervisor gets groups of schools with common problems, with the reasons for each match,
 * and confirms them; schools of a group read each other's presentations, send each other recommendations, strategies,
 * resources and proposals, and copy each other's intervention cards with attribution.
 */
@Export
@Version("2.1.0")
package mx.cte.exchange.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
