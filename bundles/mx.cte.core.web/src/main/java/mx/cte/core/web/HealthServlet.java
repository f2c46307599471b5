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
import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/health}: public readiness and version, for clients, monitors and load balancers: {@code 503}
 * "starting" until Karaf has started every boot feature, then {@code 200} "up".
 */
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
    /** Karaf registers BootFinished once every boot feature is installed and started. */
    private volatile boolean booted;

    @Activate
    public HealthServlet(BundleContext context) {
        this(Clock.systemUTC(), platformVersionOf(context));
    }

    HealthServlet(Clock clock, String platformVersion) {
        this.clock = clock;
        this.platformVersion = platformVersion;
        this.startedAt = clock.instant();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBootFinished(BootFinished bootFinished) {
        booted = true;
    }

    void unsetBootFinished(BootFinished bootFinished) {
        booted = false;
    }

    private static String platformVersionOf(BundleContext context) {
        String version = context.getBundle().getHeaders().get(PLATFORM_VERSION_HEADER);
        return version != null ? version : context.getBundle().getVersion().toString();
    }

    HealthReport currentReport() {
        return new HealthReport(booted ? HealthStatus.UP : HealthStatus.STARTING, platformVersion, startedAt,
                clock.instant());
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = currentReport();
        // 503 while starting, so that load balancers and scripts wait for a platform that serves every module.
        JsonResponses.write(response, report.status() == HealthStatus.UP ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE, JsonResponses.JSON, HealthJson.toJson(report));
    }
}
