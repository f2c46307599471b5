package mx.cte.guide.publishing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import javax.servlet.Servlet;
import mx.cte.core.http.ApiCall;
import mx.cte.core.http.RoutedServlet;
import mx.cte.core.http.Routes;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/publisher-trust}: whether signatures are verified (or the development mode turned that off), the
 * root key and every publisher key with its publisher, validity and state, for publishers and administrators.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-publisher-trust")
@HttpWhiteboardServletPattern("/api/v1/publisher-trust")
public final class PublisherTrustServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient PublisherTrust trust;

    @Activate
    public PublisherTrustServlet(@Reference PublisherTrust trust) {
        this.trust = trust;
    }

    @Override
    protected Routes table() {
        return Routes.builder().get("/", this::status).build();
    }

    private void status(ApiCall call) throws IOException {
        GuideBundlesServlet.publisherOrAdmin(call.request());
        call.ok(json(trust.status()));
    }

    static JsonObject json(TrustStatus status) {
        JsonObject answer = new JsonObject();
        answer.addProperty("verificacion", status.enforced() ? "obligatoria" : "desactivada");
        answer.addProperty("raiz", status.rootFingerprint());
        answer.addProperty("raizDemostracion", status.demoRoot());
        JsonArray keys = new JsonArray();
        for (TrustStatus.PublisherKey key : status.keys()) {
            JsonObject item = new JsonObject();
            item.addProperty("huella", key.fingerprint());
            item.addProperty("identidad", key.userId());
            item.addProperty("publicador", key.publisher());
            item.addProperty("desde", text(key.validFrom()));
            item.addProperty("hasta", text(key.validUntil()));
            item.addProperty("revocada", text(key.revokedAt()));
            item.addProperty("vigente", key.problem().isEmpty());
            item.addProperty("problema", key.problem());
            keys.add(item);
        }
        answer.add("claves", keys);
        JsonArray problems = new JsonArray();
        status.problems().forEach(problems::add);
        answer.add("problemas", problems);
        return answer;
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
