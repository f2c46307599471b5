package mx.cte.forms.web;

import javax.servlet.Servlet;
import mx.cte.core.http.RoutedServlet;
import mx.cte.forms.api.FilledForms;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The guide-configured products under {@code /api/v1/forms}: the routes are in {@link FormsApi#routes()}. */
@Component(service = Servlet.class, property = {"cte.module=forms",
    "cte.module.title=Productos que arma la guía"})
@HttpWhiteboardServletName("cte-forms")
@HttpWhiteboardServletPattern("/api/v1/forms/*")
public final class FormsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public FormsServlet(@Reference FilledForms forms, @Reference SchoolDirectory directory) {
        super(new FormsApi(forms, directory).routes());
    }
}
