package mx.cte.schools.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Imports of the school catalogue under {@code /api/v1/school-catalogue}: see {@link CatalogueImportApi}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-school-catalogue")
@HttpWhiteboardServletPattern({"/api/v1/school-catalogue", "/api/v1/school-catalogue/*"})
public final class CatalogueImportServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public CatalogueImportServlet(@Reference CatalogueImports imports) {
        super(new CatalogueImportApi(imports).routes());
    }
}
