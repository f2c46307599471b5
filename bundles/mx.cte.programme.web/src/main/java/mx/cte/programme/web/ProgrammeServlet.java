package mx.cte.programme.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The improvement programme under {@code /api/v1/programme}: the routes are in {@link ProgrammeApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=programme",
    "cte.module.title=Programa de mejora"})
@HttpWhiteboardServletName("cte-programme")
@HttpWhiteboardServletPattern("/api/v1/programme/*")
public final class ProgrammeServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ProgrammeServlet(@Reference ImprovementProgramme programmes, @Reference SchoolDirectory directory) {
        super(new ProgrammeApi(programmes, directory).routes());
    }
}
