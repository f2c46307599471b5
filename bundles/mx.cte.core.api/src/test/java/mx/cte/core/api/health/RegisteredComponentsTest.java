package mx.cte.core.api.health;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * A node is not up while a component that holds it back or follows the shared state has not registered: ClusterIT's
 * restarted node answered "up" before SCR had registered its cluster service (it waits for the database).
 */
public class RegisteredComponentsTest {

    private static ComponentDescriptionDTO description(String name, String policy, int bundleState,
            String... services) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.configurationPolicy = policy;
        description.serviceInterfaces = services;
        description.bundle = new BundleDTO();
        description.bundle.state = bundleState;
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        return configuration;
    }

    private static ServiceComponentRuntime runtime(Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>>
            components) {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(RegisteredComponentsTest.class.getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> components.keySet();
                    case "getComponentConfigurationDTOs" -> components.get(args[0]);
                    case "isComponentEnabled" -> true;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void aPartStillWaitingForItsReferencesHoldsTheNodeBack() {
        String follower = "mx.cte.cluster.api.SharedStateListener";
        ComponentDescriptionDTO guides = description("mx.cte.guide.publishing.SharedGuides", "optional",
                Bundle.ACTIVE, "mx.cte.guide.api.GuideAdministration", follower);
        ComponentDescriptionDTO other = description("mx.cte.results.impl.Results", "optional", Bundle.ACTIVE,
                "mx.cte.results.api.ResultsAnalysis");

        assertEquals(Optional.of("mx.cte.guide.publishing.SharedGuides"), RegisteredComponents.firstNotRegistered(
                runtime(Map.of(guides, List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE)),
                        other, List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE)))), follower));
        assertEquals(Optional.of("mx.cte.guide.publishing.SharedGuides"), RegisteredComponents.firstNotRegistered(
                runtime(Map.of(guides, List.of())), follower));
        assertEquals(Optional.empty(), RegisteredComponents.firstNotRegistered(runtime(Map.of(guides,
                List.of(configuration(ComponentConfigurationDTO.SATISFIED)), other, List.of(configuration(
                        ComponentConfigurationDTO.UNSATISFIED_REFERENCE)))), follower));
        assertEquals(Optional.empty(), RegisteredComponents.firstNotRegistered(null, follower));
        assertEquals("the cluster service waiting for the database holds health back",
                Optional.of("mx.cte.cluster.impl.ClusterService"), RegisteredComponents.firstNotRegistered(runtime(
                        Map.of(description("mx.cte.cluster.impl.ClusterService", "optional", Bundle.ACTIVE,
                                Readiness.class.getName()), List.of(configuration(
                                        ComponentConfigurationDTO.UNSATISFIED_REFERENCE)))), Readiness.class.getName()));
    }

    @Test
    public void aPartCountsOnceTheCallerHoldsItNotWhenScrCallsItSatisfied() {
        String readiness = Readiness.class.getName();
        ComponentDescriptionDTO cluster = description("mx.cte.cluster.impl.ClusterService", "optional", Bundle.ACTIVE,
                readiness);
        // In its constructor (migrating its tables) SCR already reports it satisfied.
        ServiceComponentRuntime constructing = runtime(Map.of(cluster, List.of(configuration(
                ComponentConfigurationDTO.SATISFIED))));
        assertEquals(Optional.empty(), RegisteredComponents.firstNotRegistered(constructing, readiness));
        assertEquals(Optional.of("mx.cte.cluster.impl.ClusterService"), RegisteredComponents.firstNotAmong(
                constructing, readiness, java.util.Set.of("mx.cte.results.impl.Results")));
        assertEquals(Optional.empty(), RegisteredComponents.firstNotAmong(constructing, readiness,
                java.util.Set.of("mx.cte.cluster.impl.ClusterService")));
        assertEquals("one waiting for its configuration provides nothing", Optional.empty(),
                RegisteredComponents.firstNotAmong(runtime(Map.of(description("unconfigured", "require",
                        Bundle.ACTIVE, readiness), List.of())), readiness, java.util.Set.of()));
    }

    @Test
    public void aPartWaitingForItsConfigurationOrOfAStoppedBundleDoesNot() {
        String follower = "mx.cte.cluster.api.SharedStateListener";
        assertEquals(Optional.empty(), RegisteredComponents.firstNotRegistered(runtime(Map.of(
                description("unconfigured", "require", Bundle.ACTIVE, follower), List.of(),
                description("stopping", "optional", Bundle.STOPPING, follower), List.of())), follower));
    }
}
