package mx.cte.logbook.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.logbook.api.Logbook;
import mx.cte.logbook.api.ZoneLogbook;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Accounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The Cuaderno de Bitácora under {@code /api/v1/logbook}: the routes are in {@link LogbookApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=logbook", "cte.module.title=Cuaderno de Bitácora"})
@HttpWhiteboardServletName("cte-logbook")
@HttpWhiteboardServletPattern("/api/v1/logbook/*")
public final class LogbookServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public LogbookServlet(@Reference Logbook logbook, @Reference ZoneLogbook zones,
            @Reference SchoolDirectory directory, @Reference Accounts accounts) {
        super(new LogbookApi(logbook, zones, directory, accounts).routes());
    }
}
