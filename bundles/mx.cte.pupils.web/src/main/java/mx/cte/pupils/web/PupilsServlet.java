package mx.cte.pupils.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Accounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The pupils who need support under {@code /api/v1/pupils}: the routes are in {@link PupilsApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=pupils",
    "cte.module.title=Alumnos que requieren apoyo"})
@HttpWhiteboardServletName("cte-pupils")
@HttpWhiteboardServletPattern("/api/v1/pupils/*")
public final class PupilsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public PupilsServlet(@Reference PupilRecords pupils, @Reference SchoolDirectory directory,
            @Reference Accounts accounts) {
        super(new PupilsApi(pupils, directory, accounts).routes());
    }
}
