package mx.cte.catalogue.web;

import javax.servlet.Servlet;
import mx.cte.catalogue.api.ResourceCatalogue;
import mx.cte.core.http.RoutedServlet;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The resource catalogue under {@code /api/v1/catalogue}: the routes are in {@link CatalogueApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=catalogue", "cte.module.title=Catálogo de recursos"})
@HttpWhiteboardServletName("cte-catalogue")
@HttpWhiteboardServletPattern("/api/v1/catalogue/*")
public final class CatalogueServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public CatalogueServlet(@Reference ResourceCatalogue catalogue, @Reference SchoolDirectory directory) {
        super(new CatalogueApi(catalogue, directory).routes());
    }
}
