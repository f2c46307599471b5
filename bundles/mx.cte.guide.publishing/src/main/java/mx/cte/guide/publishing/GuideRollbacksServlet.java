package mx.cte.guide.publishing;

import com.google.gson.JsonObject;
import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideAdministration;
import mx.cte.security.http.RequestAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/guide-rollbacks {"clave", "edicion"}}: an administrator allows an edition older than the newest
 * installed one of its guide to be installed (audited). Only administrators: a publisher whose key was stolen must not
 * be able to bring back a superseded edition with it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guide-rollbacks")
@HttpWhiteboardServletPattern("/api/v1/guide-rollbacks")
public final class GuideRollbacksServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideAdministration administration;

    @Activate
    public GuideRollbacksServlet(@Reference GuideAdministration administration) {
        this.administration = administration;
    }

    @Override
    protected Routes table() {
        return Routes.builder().post("/", this::allow).build();
    }

    private void allow(ApiCall call) throws IOException {
        if (!RequestAccess.caller(call.request()).isAdministrator()) {
            throw ProblemException.forbidden("Solo un administrador permite instalar una edición anterior.");
        }
        JsonObject body = call.body();
        GuideId id = GuideActivationsServlet.guideId(body);
        String version = JsonRequests.string(body, "edicion");
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw ProblemException.badField("edicion", "La edición debe tener la forma 1.0.0, no " + version + ".");
        }
        administration.allowOlderEdition(id, version);
        JsonObject answer = new JsonObject();
        answer.addProperty("clave", id.key());
        answer.addProperty("edicion", version);
        answer.addProperty("permitida", true);
        call.answer(HttpServletResponse.SC_OK, answer);
    }
}
