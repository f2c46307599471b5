package mx.cte.core.web;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import mx.cte.core.api.health.HealthReport;
import mx.cte.core.api.health.HealthStatus;
import mx.cte.core.api.health.Readiness;
import mx.cte.core.api.health.RegisteredComponents;
import mx.cte.core.http.JsonResponses;
import mx.cte.core.http.JsonServlet;
import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/health}: public readiness and version, for clients, monitors and load balancers: {@code 503}
 * "starting" until Karaf has started every boot feature, every {@link Readiness} part is ready (a node of several
 * catching up with the cluster) and every module API on its way has registered, then {@code 200} "up"; {@code 503}
 * "down" while a part refuses to serve (a configuration it cannot run with). When not up, {@code motivo} says why.
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
    /**
     * On a restart the bundles come from the framework's cache and BootFinished may come before the last of them has
     * started, and with it the {@link Readiness} parts it would register: up only once the framework has reached its
     * beginning start level, which Felix sets after starting every bundle below it.
     */
    private final transient BooleanSupplier everyBundleStarted;
    /** A bundle being started or refreshed: its parts are not known to SCR yet (see {@link StartingBundles}). */
    private final transient Supplier<Optional<String>> bundleOnItsWay;
    /** The parts bound here, each with its component's name (null for one not made by DS): it counts once here. */
    private final List<BoundPart> parts = new CopyOnWriteArrayList<>();

    private record BoundPart(Readiness readiness, String component) {
    }
    private transient volatile ServiceComponentRuntime components;

    @Activate
    public HealthServlet(BundleContext context) {
        this(Clock.systemUTC(), platformVersionOf(context), beginningStartLevelReached(context),
                bundleOnItsWay(context));
    }

    HealthServlet(Clock clock, String platformVersion) {
        this(clock, platformVersion, () -> true, Optional::empty);
    }

    HealthServlet(Clock clock, String platformVersion, BooleanSupplier everyBundleStarted,
            Supplier<Optional<String>> bundleOnItsWay) {
        this.clock = clock;
        this.platformVersion = platformVersion;
        this.startedAt = clock.instant();
        this.everyBundleStarted = everyBundleStarted;
        this.bundleOnItsWay = bundleOnItsWay;
    }

    private static Supplier<Optional<String>> bundleOnItsWay(BundleContext context) {
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        return () -> StartingBundles.firstOnItsWay(context.getBundles(), framework.getStartLevel());
    }

    private static BooleanSupplier beginningStartLevelReached(BundleContext context) {
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        int target = beginning == null ? 1 : Integer.parseInt(beginning.strip());
        return () -> framework.getStartLevel() >= target;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBootFinished(BootFinished bootFinished) {
        booted = true;
    }

    void unsetBootFinished(BootFinished bootFinished) {
        booted = false;
    }

    /** The components of the installation, to know the parts that hold the node back but have not registered yet. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setComponents(ServiceComponentRuntime runtime) {
        components = runtime;
    }

    void unsetComponents(ServiceComponentRuntime runtime) {
        if (components == runtime) {
            components = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReadiness(Readiness part, java.util.Map<String, Object> properties) {
        Object component = properties.get(ComponentConstants.COMPONENT_NAME);
        parts.add(new BoundPart(part, component == null ? null : component.toString()));
    }

    void removeReadiness(Readiness part) {
        parts.removeIf(bound -> bound.readiness() == part);
    }

    private static String platformVersionOf(BundleContext context) {
        String version = context.getBundle().getHeaders().get(PLATFORM_VERSION_HEADER);
        return version != null ? version : context.getBundle().getVersion().toString();
    }

    HealthReport currentReport() {
        boolean started = booted && everyBundleStarted.getAsBoolean();
        return new HealthReport(started ? HealthStatus.UP : HealthStatus.STARTING, platformVersion, startedAt,
                clock.instant());
    }

    /**
     * The first part that is not ready, a refusal (down) before one still catching up; or a part that is not bound
     * here yet (the cluster service waits for the database, and registers after everything else started); or a
     * module whose API has not registered yet but will ({@link ModuleServletsOnTheirWay}).
     */
    Optional<Readiness.NotReady> notReady() {
        Readiness.NotReady first = null;
        for (BoundPart part : parts) {
            Optional<Readiness.NotReady> verdict = part.readiness().notReady();
            if (verdict.isPresent() && (first == null || verdict.get().status() == HealthStatus.DOWN)) {
                first = verdict.get();
            }
        }
        if (first == null) {
            first = bundleOnItsWay.get().map(name -> new Readiness.NotReady(HealthStatus.STARTING,
                    "La plataforma espera a que arranque " + name + ".")).orElse(null);
        }
        if (first == null) {
            first = RegisteredComponents.firstNotAmong(components, Readiness.class.getName(),
                    parts.stream().map(BoundPart::component).filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()))
                    .map(name -> new Readiness.NotReady(HealthStatus.STARTING, "La plataforma espera a " + name
                            + ".")).orElse(null);
        }
        if (first == null) {
            first = ModuleServletsOnTheirWay.first(components).map(title -> new Readiness.NotReady(
                    HealthStatus.STARTING, "La plataforma espera al módulo " + title + ".")).orElse(null);
        }
        return Optional.ofNullable(first);
    }

    @Override
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = currentReport();
        Optional<Readiness.NotReady> notReady = report.status() == HealthStatus.UP ? notReady() : Optional.empty();
        if (notReady.isPresent()) {
            report = new HealthReport(notReady.get().status(), report.platformVersion(), report.startedAt(),
                    report.checkedAt());
        }
        JsonObject json = HealthJson.toJson(report);
        notReady.ifPresent(why -> json.addProperty("motivo", why.reason()));
        // 503 unless up, so that load balancers and scripts wait for a platform that serves every module.
        JsonResponses.write(response, report.status() == HealthStatus.UP ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE, JsonResponses.JSON, json);
    }
}
