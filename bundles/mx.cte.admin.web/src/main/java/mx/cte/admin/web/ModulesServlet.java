package mx.cte.admin.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import javax.servlet.Servlet;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.security.http.RequestAccess;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/admin/modules}: every bundle of the platform (the {@code mx.cte.} ones, guide bundles and
 * resource packs, whatever their names) with its version and state, the module it serves and each of its components
 * with what it is missing. For platform administrators, whose page polls it to show a hot install as it happens.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-admin-modules")
@HttpWhiteboardServletPattern("/api/v1/admin/modules")
public final class ModulesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final String MODULE = "cte.module";
    private static final String MODULE_TITLE = "cte.module.title";

    private final transient BundleContext context;
    private transient volatile ServiceComponentRuntime components;

    @Activate
    public ModulesServlet(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setComponents(ServiceComponentRuntime runtime) {
        components = runtime;
    }

    void unsetComponents(ServiceComponentRuntime runtime) {
        if (components == runtime) {
            components = null;
        }
    }

    @Override
    protected Routes table() {
        return Routes.builder().get("/", this::modules).build();
    }

    private void modules(ApiCall call) throws IOException {
        RequestAccess.administrator(call.request(), "Solo un administrador de la plataforma consulta los módulos.");
        Map<Long, String> modules = moduleTitles();
        ServiceComponentRuntime runtime = components;
        JsonArray bundles = new JsonArray();
        Arrays.stream(context.getBundles()).filter(BundleReport::belongsToPlatform)
                .sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(bundle -> bundles.add(BundleReport.of(bundle, modules.get(bundle.getBundleId()),
                        runtime == null ? null : componentsOf(runtime, bundle))));
        JsonObject body = new JsonObject();
        body.addProperty("componentesConocidos", runtime != null);
        body.add("bundles", bundles);
        call.ok(body);
    }

    private static JsonArray componentsOf(ServiceComponentRuntime runtime, Bundle bundle) {
        JsonArray array = new JsonArray();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs(bundle)) {
            array.add(ComponentReport.of(description, runtime.isComponentEnabled(description),
                    runtime.getComponentConfigurationDTOs(description)));
        }
        return array;
    }

    /** The title of the module each bundle serves, from its servlets' {@value #MODULE_TITLE} property. */
    private Map<Long, String> moduleTitles() {
        Map<Long, String> titles = new HashMap<>();
        try {
            ServiceReference<?>[] servlets = context.getAllServiceReferences(Servlet.class.getName(),
                    "(" + MODULE + "=*)");
            for (ServiceReference<?> servlet : servlets == null ? new ServiceReference<?>[0] : servlets) {
                Object title = servlet.getProperty(MODULE_TITLE);
                titles.putIfAbsent(servlet.getBundle().getBundleId(), String.valueOf(title != null ? title
                        : servlet.getProperty(MODULE)));
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            // A constant filter; an IllegalStateException means this bundle is stopping: no titles then.
        }
        return titles;
    }
}
