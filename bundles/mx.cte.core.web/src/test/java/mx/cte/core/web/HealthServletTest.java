package mx.cte.core.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mx.cte.core.api.health.HealthStatus;
import mx.cte.core.api.health.Readiness;
import mx.cte.core.http.FakeHttp;
import org.junit.Test;

public class HealthServletTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2016-11-25T13:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    public void answersStartingWith503UntilKarafHasBooted() throws Exception {
        HealthServlet servlet = new HealthServlet(clock, "1.2.3");
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), response.proxy());

        assertEquals(503, response.status);
        assertEquals("starting", JsonParser.parseString(response.body()).getAsJsonObject().get("status").getAsString());
    }

    @Test
    public void staysStartingAfterBootWhileBundlesOfTheCacheAreStillStarting() throws Exception {
        AtomicBoolean everyBundleStarted = new AtomicBoolean(false);
        HealthServlet servlet = new HealthServlet(clock, "1.2.3", everyBundleStarted::get,
                java.util.Optional::empty);
        servlet.setBootFinished(null);
        FakeHttp.Response starting = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), starting.proxy());
        assertEquals("a restarted node whose later bundles (and their readiness) are not started yet", 503,
                starting.status);

        everyBundleStarted.set(true);
        FakeHttp.Response up = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), up.proxy());
        assertEquals(200, up.status);
    }

    @Test
    public void staysStartingWhileABundleIsBeingStartedOrRefreshedAndNamesIt() throws Exception {
        AtomicReference<String> onItsWay = new AtomicReference<>("mx.cte.cluster.impl");
        HealthServlet servlet = new HealthServlet(clock, "1.2.3", () -> true,
                () -> java.util.Optional.ofNullable(onItsWay.get()));
        servlet.setBootFinished(null);
        FakeHttp.Response starting = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), starting.proxy());
        assertEquals(503, starting.status);
        assertEquals("La plataforma espera a que arranque mx.cte.cluster.impl.", JsonParser.parseString(
                starting.body()).getAsJsonObject().get("motivo").getAsString());

        onItsWay.set(null);
        FakeHttp.Response up = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), up.proxy());
        assertEquals(200, up.status);
    }

    @Test
    public void reportsStatusVersionAndUptimeAsJson() throws Exception {
        HealthServlet servlet = new HealthServlet(clock, "1.2.3");
        servlet.setBootFinished(null);
        now.set(now.get().plus(Duration.ofSeconds(75)));

        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), response.proxy());

        assertEquals(200, response.status);
        assertEquals("application/json", response.contentType);
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("up", json.get("status").getAsString());
        assertEquals("1.2.3", json.get("version").getAsString());
        assertEquals(75, json.get("uptimeSeconds").getAsLong());
        assertEquals("2016-11-25T13:00:00Z", json.get("startedAt").getAsString());
    }

    @Test
    public void holdsTheNodeBackWhileAPartCatchesUpAndSaysDownWhenOneRefuses() throws Exception {
        HealthServlet servlet = new HealthServlet(clock, "1.2.3");
        servlet.setBootFinished(null);
        AtomicReference<Readiness.NotReady> cluster = new AtomicReference<>(new Readiness.NotReady(
                HealthStatus.STARTING, "poniéndose al día con el clúster"));
        servlet.addReadiness(() -> java.util.Optional.ofNullable(cluster.get()), java.util.Map.of());

        FakeHttp.Response catchingUp = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), catchingUp.proxy());
        assertEquals(503, catchingUp.status);
        JsonObject json = JsonParser.parseString(catchingUp.body()).getAsJsonObject();
        assertEquals("starting", json.get("status").getAsString());
        assertEquals("poniéndose al día con el clúster", json.get("motivo").getAsString());

        Readiness refusing = () -> java.util.Optional.of(new Readiness.NotReady(HealthStatus.DOWN, "modo clúster"
                + " sobre H2"));
        servlet.addReadiness(refusing, java.util.Map.of());
        FakeHttp.Response refused = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), refused.proxy());
        assertEquals(503, refused.status);
        assertEquals("a refusal outweighs a part still catching up", "down",
                JsonParser.parseString(refused.body()).getAsJsonObject().get("status").getAsString());

        cluster.set(null);
        servlet.removeReadiness(refusing);
        FakeHttp.Response up = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), up.proxy());
        assertEquals(200, up.status);
        assertFalse(up.body().contains("motivo"));
    }

    @Test
    public void staysStartingWhileAPartThatHoldsTheNodeBackHasNotRegistered() throws Exception {
        HealthServlet servlet = new HealthServlet(clock, "1.2.3");
        servlet.setBootFinished(null);
        org.osgi.service.component.runtime.dto.ComponentDescriptionDTO cluster =
                new org.osgi.service.component.runtime.dto.ComponentDescriptionDTO();
        cluster.name = "mx.cte.cluster.impl.ClusterService";
        cluster.serviceInterfaces = new String[] {Readiness.class.getName()};
        cluster.bundle = new org.osgi.framework.dto.BundleDTO();
        cluster.bundle.state = org.osgi.framework.Bundle.ACTIVE;
        org.osgi.service.component.runtime.dto.ComponentConfigurationDTO waiting =
                new org.osgi.service.component.runtime.dto.ComponentConfigurationDTO();
        waiting.state = org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
        servlet.setComponents((org.osgi.service.component.runtime.ServiceComponentRuntime) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {
                    org.osgi.service.component.runtime.ServiceComponentRuntime.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getComponentDescriptionDTOs" -> java.util.List.of(cluster);
                            case "getComponentConfigurationDTOs" -> java.util.List.of(waiting);
                            case "isComponentEnabled" -> true;
                            default -> throw new UnsupportedOperationException(method.getName());
                        }));

        FakeHttp.Response starting = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), starting.proxy());
        assertEquals(503, starting.status);
        assertEquals("La plataforma espera a mx.cte.cluster.impl.ClusterService.", JsonParser.parseString(
                starting.body()).getAsJsonObject().get("motivo").getAsString());

        // SCR says satisfied while the component is still in its constructor (ClusterIT's restarted node, the
        // cluster service migrating its tables, answered "up" then): it counts once its part is bound here.
        waiting.state = org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED;
        FakeHttp.Response constructing = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), constructing.proxy());
        assertEquals(503, constructing.status);

        waiting.state = org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE;
        servlet.addReadiness(java.util.Optional::empty, java.util.Map.of("component.name", cluster.name));
        FakeHttp.Response up = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/v1/health"), up.proxy());
        assertEquals(200, up.status);
    }

    @Test
    public void keepsBundleDetailsOutOfThePublicReport() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new HealthServlet(clock, "1.2.3").service(FakeHttp.request("GET", "/api/v1/health"), response.proxy());

        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(java.util.Set.of("status", "version", "startedAt", "uptimeSeconds"), json.keySet());
        assertFalse(response.body().contains("mx.cte"));
    }

    @Test
    public void unknownApiPathIsAJsonNotFoundNamingThePath() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new ApiNotFoundServlet(new ModuleRoutes(java.nio.file.Files.createTempDirectory("routes").resolve("r")))
                .service(FakeHttp.request("GET", "/api/v1/nada"), response.proxy());

        assertEquals(404, response.status);
        assertEquals("application/problem+json", response.contentType);
        JsonObject problem = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(404, problem.get("status").getAsInt());
        assertEquals("/api/v1/nada", problem.get("instance").getAsString());
        assertTrue(problem.get("detail").getAsString().contains("/api/v1/nada"));
    }
}
