package mx.cte.core.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Which module's API is still on its way at a start. Once the database's pool is up, SCR satisfies the modules one
 * after another on the thread that created it (each migrating its schema first), for a second or more after
 * everything else says started: a restarted node answered "up" while the logbook still answered "module not
 * available" (UiBrowserIT). A module servlet counts while each service it still waits for comes from a component that
 * is registered or itself on its way; one that waits for a component of a stopped bundle, or for one that failed, is
 * not coming, so an administrator's swap or a broken module never holds the node back.
 */
final class ModuleServletsOnTheirWay {

    private static final String SERVLET = "javax.servlet.Servlet";

    private final ServiceComponentRuntime runtime;
    private final Map<String, List<ComponentDescriptionDTO>> providers = new HashMap<>();
    private final Map<String, Boolean> coming = new HashMap<>();
    /** Each component's configurations, asked of the runtime once per health check. */
    private final Map<String, Collection<ComponentConfigurationDTO>> configurations = new HashMap<>();
    private final Set<String> asking = new HashSet<>();

    private ModuleServletsOnTheirWay(ServiceComponentRuntime runtime, Collection<ComponentDescriptionDTO> live) {
        this.runtime = runtime;
        for (ComponentDescriptionDTO description : live) {
            for (String service : description.serviceInterfaces == null ? new String[0]
                    : description.serviceInterfaces) {
                providers.computeIfAbsent(service, s -> new ArrayList<>()).add(description);
            }
        }
    }

    /** The title of the first module whose servlet has not registered but will; empty without a runtime. */
    static Optional<String> first(ServiceComponentRuntime runtime) {
        if (runtime == null) {
            return Optional.empty();
        }
        List<ComponentDescriptionDTO> live = runtime.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.state == Bundle.ACTIVE && runtime.isComponentEnabled(d)).toList();
        ModuleServletsOnTheirWay graph = new ModuleServletsOnTheirWay(runtime, live);
        for (ComponentDescriptionDTO description : live) {
            Object module = description.properties == null ? null : description.properties.get(ModuleRoutes.MODULE);
            if (module != null && description.serviceInterfaces != null
                    && Arrays.asList(description.serviceInterfaces).contains(SERVLET)
                    && !graph.registered(description) && graph.isComing(description)) {
                Object title = description.properties.get(ModuleRoutes.TITLE);
                return Optional.of(String.valueOf(title != null ? title : module));
            }
        }
        return Optional.empty();
    }

    private static String key(ComponentDescriptionDTO description) {
        return description.bundle.id + "/" + description.name;
    }

    private Collection<ComponentConfigurationDTO> configurationsOf(ComponentDescriptionDTO description) {
        return configurations.computeIfAbsent(key(description), k -> runtime.getComponentConfigurationDTOs(
                description));
    }

    private boolean registered(ComponentDescriptionDTO description) {
        return configurationsOf(description).stream().anyMatch(c ->
                c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE);
    }

    /** Registered, or waiting only for services that components on their way will provide. */
    private boolean isComing(ComponentDescriptionDTO description) {
        String key = key(description);
        Boolean known = coming.get(key);
        if (known != null) {
            return known;
        }
        if (!asking.add(key)) {
            return false; // a cycle of references satisfies none of them
        }
        boolean answer = decide(description);
        asking.remove(key);
        coming.put(key, answer);
        return answer;
    }

    private boolean decide(ComponentDescriptionDTO description) {
        if (registered(description)) {
            return true;
        }
        // A component with no configuration (one it requires, not written yet) provides nothing: no loop round.
        for (ComponentConfigurationDTO configuration : configurationsOf(description)) {
            if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                    && Arrays.stream(configuration.unsatisfiedReferences).allMatch(
                            missing -> providedSoon(description, missing))) {
                return true;
            }
        }
        return false;
    }

    private boolean providedSoon(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO missing) {
        String service = Arrays.stream(description.references).filter(r -> r.name.equals(missing.name))
                .map(reference -> reference.interfaceName).findFirst().orElse(null);
        return service != null && providers.getOrDefault(service, List.of()).stream()
                .filter(provider -> matches(missing.target, provider)).anyMatch(this::isComing);
    }

    /** Whether a provider's properties pass the reference's target filter (none: any provider). */
    private static boolean matches(String target, ComponentDescriptionDTO provider) {
        if (target == null || target.isBlank()) {
            return true;
        }
        try {
            return FrameworkUtil.createFilter(target).matches(provider.properties == null ? Map.of()
                    : provider.properties);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
