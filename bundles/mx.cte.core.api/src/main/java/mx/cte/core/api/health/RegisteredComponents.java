package mx.cte.core.api.health;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
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
        return first(runtime, service, (description, configurations) -> configurations.stream().noneMatch(
                c -> c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE));
    }

    /**
     * The first enabled component of an active bundle that declares {@code service} and is not among the components
     * the caller holds ({@code bound}, by {@code component.name}); one waiting for a configuration it requires is not
     * counted. Stricter than {@link #firstNotRegistered}: SCR reports a component still in its constructor (the cluster
     * service migrating its tables) as satisfied, and a restarted node once answered "up" in that moment. Empty
     * without a runtime.
     */
    public static Optional<String> firstNotAmong(ServiceComponentRuntime runtime, String service,
            Set<String> bound) {
        return first(runtime, service, (description, configurations) -> !bound.contains(description.name));
    }

    private static Optional<String> first(ServiceComponentRuntime runtime, String service,
            BiPredicate<ComponentDescriptionDTO, Collection<ComponentConfigurationDTO>> missing) {
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
            if (missing.test(description, configurations)) {
                return Optional.of(description.name);
            }
        }
        return Optional.empty();
    }
}
