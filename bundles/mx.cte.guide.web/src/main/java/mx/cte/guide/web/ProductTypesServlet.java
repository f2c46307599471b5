package mx.cte.guide.web;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
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
public final class ProductTypesServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideRegistry registry;

    @Activate
    public ProductTypesServlet(@Reference GuideRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.write(response, HttpServletResponse.SC_OK, GuideJson.productTypes(registry.productTypes()));
    }
}
