package mx.cte.schools.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Accounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Schools under {@code /api/v1/schools}: the routes are in {@link SchoolsApi#schoolRoutes()}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-schools")
@HttpWhiteboardServletPattern("/api/v1/schools/*")
public final class SchoolServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public SchoolServlet(@Reference SchoolDirectory directory, @Reference Accounts accounts) {
        super(new SchoolsApi(directory, accounts).schoolRoutes());
    }
}
