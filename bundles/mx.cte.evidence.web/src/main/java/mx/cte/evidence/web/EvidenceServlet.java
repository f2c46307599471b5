package mx.cte.evidence.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The evidence under {@code /api/v1/evidence}: the routes are in {@link EvidenceApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=evidence", "cte.module.title=Evidencias"})
@HttpWhiteboardServletName("cte-evidence")
@HttpWhiteboardServletPattern("/api/v1/evidence/*")
public final class EvidenceServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public EvidenceServlet(@Reference EvidenceStore store, @Reference SchoolDirectory directory) {
        super(new EvidenceApi(store, directory).routes());
    }
}
