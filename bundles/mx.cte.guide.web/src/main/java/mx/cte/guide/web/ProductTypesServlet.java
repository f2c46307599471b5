package mx.cte.guide.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/product-types}: the product types installed modules provide right now. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-product-types")
@HttpWhiteboardServletPattern("/api/v1/product-types")
public final class ProductTypesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideRegistry registry;

    @Activate
    public ProductTypesServlet(@Reference GuideRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected Routes table() {
        return Routes.builder().get("/", call -> call.ok(GuideJson.productTypes(registry.productTypes()))).build();
    }
}
