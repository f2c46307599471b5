package mx.cte.guide.publishing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import org.junit.Test;
import org.osgi.framework.BundleContext;

/** What the publishing endpoints refuse before anything is installed or activated. */
public class PublishingRoutesTest {

    private static final Caller SEP_PUBLISHER = ApiFixtures.caller("publica.sep", "publicador@SEP");

    private final List<String> activations = new ArrayList<>();

    private final GuideRegistry registry = (GuideRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {GuideRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "editions", "refused" -> List.of();
                case "activate" -> {
                    activations.add(args[0] + " " + args[1]);
                    throw new GuideActivationException("La edición " + args[1] + " no está instalada.");
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private FakeHttp.Response activate(Caller caller, String json) {
        return ApiFixtures.send(new GuideActivationsServlet(registry), caller,
                FakeRequest.of("POST", "/api/v1/guide-activations", null).json(json));
    }

    @Test
    public void onlyTheGuidesPublisherActivatesAnEditionThatExists() {
        assertEquals(403, activate(ApiFixtures.DIRECTOR, "{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\","
                + "\"edicion\":\"1.0.0\"}").status);
        assertEquals(403, activate(SEP_PUBLISHER, "{\"clave\":\"15:2016-2017:preescolar:ordinaria-4\","
                + "\"edicion\":\"1.0.0\"}").status);
        FakeHttp.Response badKey = activate(SEP_PUBLISHER, "{\"clave\":\"ordinaria-3\",\"edicion\":\"1.0.0\"}");
        assertEquals(400, badKey.status);
        assertEquals("clave", badKey.json().get("campo").getAsString());
        assertEquals("edicion", activate(SEP_PUBLISHER, "{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\"}")
                .json().get("campo").getAsString());
        assertEquals(List.of(), activations);

        FakeHttp.Response missing = activate(SEP_PUBLISHER, "{\"clave\":\"SEP:2016-2017:preescolar:ordinaria-3\","
                + "\"edicion\":\"9.0.0\"}");
        assertEquals(409, missing.status);
        assertTrue(missing.body().contains("9.0.0"));
    }

    @Test
    public void anUploadMustBeAJarFromAPublisherAndARemovalAnInstalledGuide() {
        GuideBundlesServlet bundles = new GuideBundlesServlet(registry, context);
        assertEquals(403, ApiFixtures.send(bundles, ApiFixtures.DIRECTOR, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).body("application/java-archive", new byte[] {1})).status);
        assertEquals(415, ApiFixtures.send(bundles, SEP_PUBLISHER, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).json("{}")).status);
        FakeHttp.Response notAJar = ApiFixtures.send(bundles, SEP_PUBLISHER, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).body("application/java-archive", "no soy un jar".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(422, notAJar.status);
        assertEquals(404, ApiFixtures.send(bundles, SEP_PUBLISHER, FakeRequest.of("DELETE",
                "/api/v1/guide-bundles", "/42")).status);
        assertEquals(404, ApiFixtures.send(bundles, SEP_PUBLISHER, FakeRequest.of("DELETE",
                "/api/v1/guide-bundles", "/cuarenta")).status);
    }
}
