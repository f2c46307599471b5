package mx.cte.admin.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collection;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * One Declarative Services component as the administration page shows it: its state in Spanish and, when it does not
 * work, why: the services it is missing or the error of its activation.
 */
final class ComponentReport {

    /**
     * A component property saying that the component is instantiated once per configuration an administrator may or
     * may not write (such as {@code etc/mx.cte.channel-*.cfg}): without one it is not configured, not broken.
     */
    static final String OPTIONAL_CONFIGURATION = "cte.configuration.optional";
    static final String NOT_CONFIGURED = "sin-configurar";

    private ComponentReport() {
    }

    static JsonObject of(ComponentDescriptionDTO description, boolean enabled,
            Collection<ComponentConfigurationDTO> configurations) {
        JsonObject json = new JsonObject();
        json.addProperty("nombre", description.name);
        JsonArray missing = new JsonArray();
        String state;
        String failure = null;
        if (!enabled) {
            state = "desactivado";
        } else if (configurations.isEmpty() && description.properties != null
                && "true".equals(String.valueOf(description.properties.get(OPTIONAL_CONFIGURATION)))) {
            // One instance per configuration file, none written yet (a channel subscription): nothing is wrong.
            state = NOT_CONFIGURED;
        } else if (configurations.isEmpty()) {
            state = "require".equals(description.configurationPolicy) ? "espera-configuracion" : "sin-configuracion";
        } else {
            // A component has several configurations only with factory configurations: the worst one is reported.
            ComponentConfigurationDTO worst = configurations.stream().min((a, b) -> rank(a.state) - rank(b.state))
                    .orElseThrow();
            state = wireName(worst.state);
            if (worst.unsatisfiedReferences != null) {
                for (UnsatisfiedReferenceDTO reference : worst.unsatisfiedReferences) {
                    missing.add(interfaceOf(description, reference.name)
                            + (reference.target == null ? "" : " " + reference.target));
                }
            }
            failure = worst.failure;
        }
        json.addProperty("estado", state);
        json.add("faltan", missing);
        if (failure != null) {
            // The first line only: the exception's message, not its stack trace.
            json.addProperty("error", failure.lines().findFirst().orElse(failure));
        }
        return json;
    }

    /**
     * Whether the component works: active, satisfied and waiting to be used (a delayed component), or optional and
     * not configured.
     */
    static boolean works(JsonObject component) {
        String state = component.get("estado").getAsString();
        return state.equals("activo") || state.equals("listo") || state.equals(NOT_CONFIGURED);
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String referenceName) {
        return Arrays.stream(description.references == null ? new ReferenceDTO[0] : description.references)
                .filter(r -> r.name.equals(referenceName)).map(r -> r.interfaceName).findFirst()
                .orElse(referenceName);
    }

    private static int rank(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> 0;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> 1;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> 2;
            case ComponentConfigurationDTO.SATISFIED -> 3;
            default -> 4;
        };
    }

    private static String wireName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "activo";
            case ComponentConfigurationDTO.SATISFIED -> "listo";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "insatisfecho";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "espera-configuracion";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "fallo-al-activar";
            default -> "desconocido";
        };
    }
}
