package mx.cte.guide.publishing;

import com.google.gson.JsonObject;
import java.io.IOException;
import javax.servlet.Servlet;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.JsonRequests;
import mx.cte.core.http.ProblemException;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideAdministration;
import mx.cte.security.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/guide-activations {"clave", "edicion"}}: makes an installed edition the one schools work with,
 * for publishers of that guide's publisher and administrators.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-guide-activations")
@HttpWhiteboardServletPattern("/api/v1/guide-activations")
public final class GuideActivationsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient GuideAdministration administration;

    @Activate
    public GuideActivationsServlet(@Reference GuideAdministration administration) {
        this.administration = administration;
    }

    @Override
    protected Routes table() {
        return Routes.builder().post("/", this::activate).build();
    }

    private void activate(ApiCall call) throws IOException {
        Caller caller = GuideBundlesServlet.publisherOrAdmin(call.request());
        JsonObject body = call.body();
        GuideId id = guideId(body);
        if (!caller.canPublish(id.publisher())) {
            throw ProblemException.forbidden("No puede activar guías de " + id.publisher() + ".");
        }
        try {
            GuideEdition edition = administration.activate(id, JsonRequests.string(body, "edicion"));
            call.ok(PublishingJson.edition(edition));
        } catch (GuideActivationException e) {
            throw new ProblemException(409, "No se puede activar", e.getMessage());
        }
    }

    /** The guide a request body names in {@code clave}; a 400 naming the field when it is not a guide's key. */
    static GuideId guideId(JsonObject body) {
        try {
            return GuideId.parse(JsonRequests.string(body, "clave"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("clave", e.getMessage());
        }
    }
}
