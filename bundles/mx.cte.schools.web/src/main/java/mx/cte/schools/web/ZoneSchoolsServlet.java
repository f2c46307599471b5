package mx.cte.schools.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** A zone's schools under {@code /api/v1/zones}: the routes are in {@link SchoolsApi#zoneRoutes()}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-zone-schools")
@HttpWhiteboardServletPattern("/api/v1/zones/*")
public final class ZoneSchoolsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ZoneSchoolsServlet(@Reference SchoolDirectory directory) {
        super(new SchoolsApi(directory, null).zoneRoutes());
    }
}
