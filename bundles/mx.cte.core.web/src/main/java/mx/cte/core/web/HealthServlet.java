package mx.cte.core.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.api.health.HealthReport;
import mx.cte.core.api.health.HealthStatus;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/health}: public liveness and version, for clients, monitors and load balancers. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cte-health")
@HttpWhiteboardServletPattern("/api/v1/health")
public final class HealthServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;
    /** Manifest header every CTE bundle carries with the version of the platform build it belongs to. */
    static final String PLATFORM_VERSION_HEADER = "CTE-Platform-Version";

    private final transient Clock clock;
    private final String platformVersion;
    private final Instant startedAt;

    @Activate
    public HealthServlet(BundleContext context) {
        this(Clock.systemUTC(), platformVersionOf(context));
    }

    HealthServlet(Clock clock, String platformVersion) {
        this.clock = clock;
        this.platformVersion = platformVersion;
        this.startedAt = clock.instant();
    }

    private static String platformVersionOf(BundleContext context) {
        String version = context.getBundle().getHeaders().get(PLATFORM_VERSION_HEADER);
        return version != null ? version : context.getBundle().getVersion().toString();
    }

    HealthReport currentReport() {
        return new HealthReport(HealthStatus.UP, platformVersion, startedAt, clock.instant());
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.write(response, HttpServletResponse.SC_OK, JsonResponses.JSON, HealthJson.toJson(currentReport()));
    }
}
