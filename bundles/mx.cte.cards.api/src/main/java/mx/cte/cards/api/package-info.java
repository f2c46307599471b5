/**
 * Intervention cards, the second part of a session (¿Cómo lo vamos a hacer?). A {@link mx.cte.cards.api.InterventionCard}
 * is a team's proposal for one or more challenges of the school concentrate (activity 10); the collective comments on
 * it (activity 11) and decides whether it joins the Estrategia Global or is redesigned (activity 12). Cards stay in the
 * school's library, searchable, and carry their follow-up through later sessions.
 */
@Export
@Version("2.0.0")
package mx.cte.cards.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
