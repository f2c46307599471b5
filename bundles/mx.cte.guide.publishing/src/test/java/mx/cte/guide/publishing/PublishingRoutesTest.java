package mx.cte.guide.publishing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.http.FakeHttp;
import mx.cte.core.http.FakeRequest;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.security.api.Caller;
import mx.cte.security.http.ApiFixtures;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.api.TrustVerdict;
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

    /** Installs nothing: a refusal must answer before it is asked to. */
    private final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "addBundleListener", "removeBundleListener" -> null;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** Shares nothing: a refusal must not reach the other nodes. */
    private final Cluster cluster = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Cluster.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    private final List<String> admitted = new ArrayList<>();

    /** Trusts nothing: says why, and records what it was asked to admit. */
    private final PublisherTrust untrusting = (PublisherTrust) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PublisherTrust.class}, (proxy, method, args) -> switch (method.getName()) {
                case "admit" -> {
                    admitted.add(new String((byte[]) args[1], java.nio.charset.StandardCharsets.US_ASCII) + " para "
                            + args[2]);
                    yield TrustVerdict.refused("está firmado con una clave desconocida (ID 0123456789ABCDEF)");
                }
                case "enforced" -> true;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private FakeHttp.Response activate(Caller caller, String json) {
        return ApiFixtures.send(new GuideActivationsServlet(shared()), caller,
                FakeRequest.of("POST", "/api/v1/guide-activations", null).json(json));
    }

    private SharedGuides shared() {
        return new SharedGuides(registry, new GuideBundleInstalls(registry, untrusting, context), cluster, context);
    }

    private GuideBundlesServlet bundlesServlet() {
        GuideBundleInstalls installs = new GuideBundleInstalls(registry, untrusting, context);
        return new GuideBundlesServlet(registry, installs, new SharedGuides(registry, installs, cluster, context),
                context);
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
        GuideBundlesServlet bundles = bundlesServlet();
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

    @Test
    public void anUploadWithoutItsPublishersSignatureIsRefusedBeforeAnythingIsInstalled() throws Exception {
        GuideBundlesServlet bundles = bundlesServlet();
        byte[] jar = GuideJarTest.jar(GuideJarTest.guideHeaders(), java.util.Map.of("guide/guide.json",
                GuideJarTest.DESCRIPTOR));
        Caller statePublisher = ApiFixtures.caller("publica.edomex", "publicador@15");

        FakeHttp.Response unsigned = ApiFixtures.send(bundles, statePublisher, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).body("application/java-archive", jar));
        assertEquals(422, unsigned.status);
        assertEquals("CTE-Firma", unsigned.json().get("campo").getAsString());
        assertTrue(unsigned.body(), unsigned.body().contains("sin firma no se instala nada"));

        FakeHttp.Response notBase64 = ApiFixtures.send(bundles, statePublisher, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).header("CTE-Firma", "¿firma?").body("application/java-archive", jar));
        assertEquals(422, notBase64.status);
        assertTrue(notBase64.body(), notBase64.body().contains("Base64"));
        assertEquals(List.of(), admitted);

        // The context installs nothing (it throws): a refused signature must answer before installing.
        FakeHttp.Response forged = ApiFixtures.send(bundles, statePublisher, FakeRequest.of("POST",
                "/api/v1/guide-bundles", null).header("CTE-Firma", java.util.Base64.getEncoder().encodeToString(
                        "firma".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).body("application/java-archive",
                                jar));
        assertEquals(422, forged.status);
        assertTrue(forged.body(), forged.body().contains("clave desconocida"));
        assertEquals(List.of("firma para 15"), admitted);
    }
}
