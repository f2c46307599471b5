/**
 * The Cuaderno de Bitácora: what a school's collective agreed in each session, who answers for it, by when, and how
 * it is going. Agreements are carried across sessions until they are done.
 */
@Export
@Version("2.1.0")
package mx.cte.logbook.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
