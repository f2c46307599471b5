package mx.cte.core.api.health;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Which components that declare a service are still to register, asked of the DS runtime. SCR registers a component
 * a moment after its bundle starts (later still when it waits for the database), so a part that holds the node back
 * or follows the shared state can be missing while everything else already says started: a node once answered "up"
 * in that moment.
 */
public final class RegisteredComponents {

    private RegisteredComponents() {
    }

    /**
     * The first enabled component of an active bundle that declares {@code service} and has not registered it; one
     * waiting for a configuration it requires is not counted (it provides nothing until configured). Empty without a
     * runtime.
     */
    public static Optional<String> firstNotRegistered(ServiceComponentRuntime runtime, String service) {
        if (runtime == null) {
            return Optional.empty();
        }
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (description.serviceInterfaces == null || !Arrays.asList(description.serviceInterfaces)
                    .contains(service) || description.bundle.state != Bundle.ACTIVE
                    || !runtime.isComponentEnabled(description)) {
                continue;
            }
            Collection<ComponentConfigurationDTO> configurations = runtime.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && "require".equals(description.configurationPolicy)) {
                continue;
            }
            if (configurations.stream().noneMatch(c -> c.state == ComponentConfigurationDTO.SATISFIED
                    || c.state == ComponentConfigurationDTO.ACTIVE)) {
                return Optional.of(description.name);
            }
        }
        return Optional.empty();
    }
}
