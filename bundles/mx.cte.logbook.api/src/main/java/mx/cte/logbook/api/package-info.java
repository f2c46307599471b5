/**
 * The Cuaderno de Bitácora: what a school's collective agreed in each session, who answers for it, by when, and how
 * it is going. Agreements are carried across sessions until they are done or left aside: each later session reviews
 * the ones still open ({@link mx.cte.logbook.api.AgreementReview}). A zone's Consejo Técnico de Zona keeps its own
 * agreements, reviewed by its supervisor likewise ({@link mx.cte.logbook.api.ZoneLogbook}).
 */
@Export
@Version("2.3.0")
package mx.cte.logbook.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
