package mx.cte.core.web;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.BundleDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * A restarted node answered "up" while SCR was still satisfying the modules after the database's pool came up, and the
 * logbook answered "module not available" to a teacher's saved agreement (UiBrowserIT, CI of stop 47).
 */
public class ModuleServletsOnTheirWayTest {

    private static final String SERVLET = "javax.servlet.Servlet";
    private static final String LOGBOOK = "mx.cte.logbook.api.Logbook";
    private static final String DATABASE = "mx.cte.storage.api.Database";

    private final Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new LinkedHashMap<>();
    private long nextBundle = 1;

    private ComponentDescriptionDTO component(String name, int bundleState, Map<String, Object> properties,
            String[] services, String... references) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.configurationPolicy = "optional";
        description.properties = properties;
        description.serviceInterfaces = services;
        description.bundle = new BundleDTO();
        description.bundle.id = nextBundle++;
        description.bundle.state = bundleState;
        description.references = new ReferenceDTO[references.length];
        for (int i = 0; i < references.length; i++) {
            description.references[i] = new ReferenceDTO();
            description.references[i].name = "ref" + i;
            description.references[i].interfaceName = references[i];
        }
        return description;
    }

    /** A component in this state; when waiting, for every one of its references. */
    private ComponentDescriptionDTO add(ComponentDescriptionDTO description, int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        if (state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[description.references.length];
            for (int i = 0; i < description.references.length; i++) {
                configuration.unsatisfiedReferences[i] = new UnsatisfiedReferenceDTO();
                configuration.unsatisfiedReferences[i].name = description.references[i].name;
            }
        }
        components.put(description, List.of(configuration));
        return description;
    }

    private ServiceComponentRuntime runtime() {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> components.keySet();
                    case "getComponentConfigurationDTOs" -> components.get(args[0]);
                    case "isComponentEnabled" -> true;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void logbookServletWaiting() {
        add(component("mx.cte.logbook.web.LogbookServlet", Bundle.ACTIVE, Map.of(ModuleRoutes.MODULE, "logbook",
                ModuleRoutes.TITLE, "Cuaderno de Bitácora"), new String[] {SERVLET}, LOGBOOK),
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
    }

    @Test
    public void aModuleWhoseServicesAreBeingSatisfiedHoldsTheNodeBack() {
        logbookServletWaiting();
        add(component("mx.cte.logbook.impl.LogbookService", Bundle.ACTIVE, Map.of(), new String[] {LOGBOOK},
                DATABASE), ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        add(component("mx.cte.storage.impl.StorageDatabase", Bundle.ACTIVE, Map.of(), new String[] {DATABASE}),
                ComponentConfigurationDTO.ACTIVE);

        assertEquals(Optional.of("Cuaderno de Bitácora"), ModuleServletsOnTheirWay.first(runtime()));
    }

    @Test
    public void aModuleWhoseServletRegisteredDoesNot() {
        add(component("mx.cte.logbook.web.LogbookServlet", Bundle.ACTIVE, Map.of(ModuleRoutes.MODULE, "logbook"),
                new String[] {SERVLET}, LOGBOOK), ComponentConfigurationDTO.SATISFIED);

        assertEquals(Optional.empty(), ModuleServletsOnTheirWay.first(runtime()));
        assertEquals(Optional.empty(), ModuleServletsOnTheirWay.first(null));
    }

    @Test
    public void aModuleWaitingForAStoppedBundleOrAFailedComponentIsNotComing() {
        logbookServletWaiting();
        ComponentDescriptionDTO stopped = add(component("mx.cte.logbook.impl.LogbookService", Bundle.RESOLVED,
                Map.of(), new String[] {LOGBOOK}, DATABASE), ComponentConfigurationDTO.ACTIVE);
        assertEquals("an administrator stopped the implementation to swap it", Optional.empty(),
                ModuleServletsOnTheirWay.first(runtime()));

        components.remove(stopped);
        add(component("mx.cte.logbook.impl.LogbookService", Bundle.ACTIVE, Map.of(), new String[] {LOGBOOK}),
                ComponentConfigurationDTO.FAILED_ACTIVATION);
        assertEquals("its constructor threw", Optional.empty(), ModuleServletsOnTheirWay.first(runtime()));
    }

    @Test
    public void servicesWaitingForEachOtherAreNotComing() {
        logbookServletWaiting();
        add(component("mx.cte.logbook.impl.LogbookService", Bundle.ACTIVE, Map.of(), new String[] {LOGBOOK},
                DATABASE), ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        add(component("a.Database", Bundle.ACTIVE, Map.of(), new String[] {DATABASE}, LOGBOOK),
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE);

        assertEquals(Optional.empty(), ModuleServletsOnTheirWay.first(runtime()));
    }

    @Test
    public void aProviderTheReferenceTargetsOutIsNotComing() {
        ComponentDescriptionDTO servlet = component("mx.cte.logbook.web.LogbookServlet", Bundle.ACTIVE,
                Map.of(ModuleRoutes.MODULE, "logbook"), new String[] {SERVLET}, LOGBOOK);
        add(servlet, ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        components.get(servlet).get(0).unsatisfiedReferences[0].target = "(edition=2)";
        add(component("mx.cte.logbook.impl.LogbookService", Bundle.ACTIVE, Map.of("edition", "1"),
                new String[] {LOGBOOK}), ComponentConfigurationDTO.ACTIVE);
        assertEquals(Optional.empty(), ModuleServletsOnTheirWay.first(runtime()));

        add(component("mx.cte.logbook.impl.LogbookService2", Bundle.ACTIVE, Map.of("edition", "2"),
                new String[] {LOGBOOK}), ComponentConfigurationDTO.SATISFIED);
        assertEquals(Optional.of("logbook"), ModuleServletsOnTheirWay.first(runtime()));
    }

    @Test
    public void aServiceNoComponentProvidesIsNotComing() {
        logbookServletWaiting();

        assertEquals(Optional.empty(), ModuleServletsOnTheirWay.first(runtime()));
    }
}
