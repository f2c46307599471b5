/**
 * Enums that travel by their Spanish wire names in the API and in descriptors ({@code en-proceso},
 * {@code estrategia-global}), and the one way to read them back with an error that names the field and the values
 * it accepts.
 */
@Export
@Version("1.1.0")
package mx.cte.core.api.names;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
