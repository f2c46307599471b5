package mx.cte.itests;

import static mx.cte.itests.GuideApi.WAIT;
import static mx.cte.itests.GuideApi.activeVersion;
import static mx.cte.itests.GuideApi.awaitGuide;
import static mx.cte.itests.GuideApi.json;
import static mx.cte.itests.GuideApi.strings;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideRegistry;
import mx.cte.guide.spi.ProductType;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Guides as plugins, over HTTP in one Karaf boot: the shipped third-session guide is served whole, and guide bundles
 * installed, updated and uninstalled at runtime come and go without a failed request or a refreshed bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class GuidesIT {

    /** Waits until Karaf has installed and started every boot feature, so no bundle is still starting. */
    @Inject
    private BootFinished bootFinished;

    private static final String THIRD_SESSION = "SEP:2016-2017:preescolar:ordinaria-3";
    /** Where test-guide.json writes the first activity's participation. */
    private static final int LINE_OF_PARTICIPATION = 12;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private GuideRegistry registry;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static JsonObject guideSummary(String key) throws Exception {
        Http.awaitStatus("/api/v1/guides", 200, WAIT);
        JsonObject guide = GuideApi.listed(key);
        assertTrue("guide " + key + " is listed", guide != null);
        return guide;
    }

    @Test
    public void thirdSessionGuideIsServedWhole() throws Exception {
        JsonObject summary = guideSummary(THIRD_SESSION);
        assertEquals("1.0.0", summary.getAsJsonArray("editions").get(0).getAsJsonObject().get("version").getAsString());
        assertEquals("the modules booted with the distribution provide all its product types",
                "activa", summary.get("status").getAsString());
        assertEquals("1.0.0", activeVersion(summary));

        JsonObject body = json(Http.awaitStatus("/api/v1/guides/" + THIRD_SESSION + "/versions/1.0.0", 200, WAIT));
        JsonObject guide = body.getAsJsonObject("guide");
        assertEquals("Secretaría de Educación Pública", guide.getAsJsonObject("publisher").get("name").getAsString());
        assertEquals(3, guide.getAsJsonObject("purposes").getAsJsonArray("items").size());
        assertEquals(6, guide.getAsJsonObject("materials").getAsJsonArray("items").size());
        assertEquals(3, guide.getAsJsonObject("products").getAsJsonArray("items").size());

        List<JsonObject> activities = new ArrayList<>();
        collectActivities(guide.getAsJsonArray("sections"), activities);
        assertEquals(21, activities.size());
        for (int i = 0; i < 21; i++) {
            assertEquals(i + 1, activities.get(i).get("number").getAsInt());
            // Activity 19 only reads a text, as printed; every other asks for a product.
            assertEquals("activity " + (i + 1) + "'s products", i + 1 == 19 ? 0 : 1,
                    activities.get(i).getAsJsonArray("products").size());
        }
        JsonObject activity8 = activities.get(7);
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), strings(activity8.getAsJsonArray("criteria"), "key"));
        assertTrue(activities.get(4).getAsJsonArray("prompts").get(0).getAsJsonObject().get("text").getAsString()
                .startsWith("Las acciones que mejor han funcionado para lograrlo son"));
        assertEquals("frase", activities.get(4).getAsJsonArray("prompts").get(0).getAsJsonObject().get("kind")
                .getAsString());
        assertTrue(activities.get(5).getAsJsonArray("notes").get(0).getAsString().contains("multigrado"));
        assertEquals(List.of("cerda-lopez", "latapi-2003"), strings(activities.get(14).getAsJsonArray("readings"), null));

        assertEquals(List.of("cerda-lopez", "latapi-2003", "seb-aprendizaje-entre-escuelas"),
                strings(guide.getAsJsonArray("readings"), "id"));
        JsonObject latapi = guide.getAsJsonArray("readings").get(1).getAsJsonObject().getAsJsonObject("citation");
        assertEquals("P. Latapí", latapi.get("authors").getAsString());
        assertEquals("2003", latapi.get("year").getAsString());
        String footnote1 = guide.getAsJsonArray("footnotes").get(0).getAsJsonObject().get("text").getAsString();
        for (String agent : List.of("Educación Física", "Inglés", "Música", "Cómputo", "USAER")) {
            assertTrue(footnote1 + " names " + agent, footnote1.contains(agent));
        }
    }

    @Test
    public void aGuideIsRevalidatedByItsETagSoASchoolOnASlowLinkDownloadsItOnce() throws Exception {
        HttpResponse<String> first = Http.awaitStatus("/api/v1/guides/" + THIRD_SESSION, 200, WAIT);
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> again = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                Http.api("/api/v1/guides/" + THIRD_SESSION)).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> stale = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                Http.api("/api/v1/guides/" + THIRD_SESSION)).header("If-None-Match", "\"otra\"").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stale.statusCode());
        assertEquals(first.body(), stale.body());
        assertEquals(etag, stale.headers().firstValue("ETag").orElse(""));
    }

    private static void collectActivities(JsonArray sections, List<JsonObject> into) {
        for (JsonElement element : sections) {
            JsonObject section = element.getAsJsonObject();
            if (section.has("activities")) {
                section.getAsJsonArray("activities").forEach(a -> into.add(a.getAsJsonObject()));
            }
            if (section.has("sections")) {
                collectActivities(section.getAsJsonArray("sections"), into);
            }
        }
    }

    @Test
    public void guideBundlesHotSwapWithoutFailedRequestsOrRefreshedBundles() throws Exception {
        String key = "09:2099-2100:preescolar:hot-swap";
        Bundle v1 = bundleContext.installBundle("it:hot-swap-1",
                Signing.admitted(bundleContext, GuideBundles.bundle("it.guide.hotswap.one", "1.0.0",
                        GuideBundles.descriptor("hot-swap", "1.0.0", "texto-libre"))));
        assertEquals("1.0.0", activeVersion(awaitGuide(key, g -> "activa".equals(g.get("status").getAsString()))));
        Http.awaitStatus("/api/v1/guides/" + key, 200, WAIT);

        BundleWatch watch = new BundleWatch(bundleContext, b -> b.getSymbolicName().startsWith("it.guide."));
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    HttpResponse<String> response = Http.get("/api/v1/guides/" + key);
                    reads.incrementAndGet();
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }, "guide-reader");
        reader.start();
        try {
            Bundle v2 = bundleContext.installBundle("it:hot-swap-2",
                    Signing.admitted(bundleContext, GuideBundles.bundle("it.guide.hotswap.two", "2.0.0",
                            GuideBundles.descriptor("hot-swap", "2.0.0", "texto-libre"))));
            // Installed beside the edition in use, the new one waits to be chosen; activating it swaps them.
            assertEquals("1.0.0", activeVersion(awaitGuide(key, g -> strings(g.getAsJsonArray("editions"), "version")
                    .equals(List.of("2.0.0", "1.0.0")))));
            registry.activate(GuideId.parse(key), "2.0.0");
            assertEquals("2.0.0", json(Http.get("/api/v1/guides/" + key)).get("version").getAsString());

            // Updating the other bundle in place to a newer edition: it waits beside the active one too.
            v1.update(Signing.admitted(bundleContext, GuideBundles.bundle("it.guide.hotswap.one", "2.5.0",
                    GuideBundles.descriptor("hot-swap", "2.5.0", "texto-libre"))));
            awaitGuide(key, g -> strings(g.getAsJsonArray("editions"), "version").equals(List.of("2.5.0", "2.0.0")));

            registry.activate(GuideId.parse(key), "2.5.0");
            assertEquals("2.5.0", json(Http.get("/api/v1/guides/" + key)).get("version").getAsString());

            v2.uninstall();
            awaitGuide(key, g -> strings(g.getAsJsonArray("editions"), "version").equals(List.of("2.5.0")));
            while (reads.get() < 50) {
                Thread.sleep(10);
            }
        } finally {
            reading.set(false);
            reader.join(10_000);
            watch.close();
        }

        assertEquals("failed reads during the swaps", List.of(), failures);
        assertEquals("bundles other than the guides changed state", List.of(), watch.events());
        assertEquals(watch.before(), watch.states());

        v1.uninstall();
        Http.awaitStatus("/api/v1/guides/" + key, 404, WAIT);
    }

    @Test
    public void aChosenEditionSurvivesARefusedUpdateAndARestartAndAFallbackIsSaid() throws Exception {
        String key = "09:2099-2100:preescolar:elegida";
        java.time.Instant start = java.time.Instant.now();
        Bundle one = bundleContext.installBundle("it:chosen-1", Signing.admitted(bundleContext,
                GuideBundles.bundle("it.guide.chosen.one", "1.0.0", GuideBundles.descriptor("elegida", "1.0.0",
                        "texto-libre"))));
        Bundle two = null;
        try {
            awaitGuide(key, g -> "1.0.0".equals(activeVersion(g)));
            two = bundleContext.installBundle("it:chosen-2", Signing.admitted(bundleContext,
                    GuideBundles.bundle("it.guide.chosen.two", "1.1.0", GuideBundles.descriptor("elegida", "1.1.0",
                            "texto-libre"))));
            assertEquals("dropped beside the edition in use, the new one waits", "1.0.0", activeVersion(awaitGuide(
                    key, g -> strings(g.getAsJsonArray("editions"), "version").equals(List.of("1.1.0", "1.0.0")))));
            registry.activate(GuideId.parse(key), "1.1.0");

            // An update in place with a descriptor the schema refuses: refused, and 1.1.0 keeps serving...
            two.update(Signing.admitted(bundleContext, GuideBundles.bundle("it.guide.chosen.two", "1.2.0",
                    GuideBundles.descriptor("elegida", "1.2.0", "texto-libre").replace("\"colectivo\"",
                            "\"todos\""))));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Http.get("/api/v1/guides").body().contains("it.guide.chosen.two") || !json(Http.get(
                    "/api/v1/guides")).getAsJsonArray("refused").toString().contains("it.guide.chosen.two")) {
                assertTrue("the refusal is listed", System.nanoTime() < deadline);
                Thread.sleep(50);
            }
            assertEquals("1.1.0", activeVersion(GuideApi.listed(key)));

            // ...also after the registry starts again, as it does when the platform restarts.
            Bundle registryBundle = bundleByName("mx.cte.guide.registry");
            registryBundle.stop();
            registryBundle.start();
            Http.awaitStatus("/api/v1/guides/" + key, 200, WAIT);
            JsonObject afterRestart = awaitGuide(key, g -> g.getAsJsonArray("editions").size() == 2);
            assertEquals("the chosen edition is still the one in use", "1.1.0", activeVersion(afterRestart));
            assertFalse("no fallback to tell", afterRestart.has("fallback"));
            assertEquals("1.1.0", json(Http.get("/api/v1/guides/" + key)).get("version").getAsString());

            // Without the chosen edition another serves, and says so: in the listing and in the audit log.
            two.uninstall();
            two = null;
            JsonObject fallback = awaitGuide(key, g -> g.has("fallback"));
            assertEquals("1.0.0", activeVersion(fallback));
            assertEquals("1.1.0", fallback.get("chosenVersion").getAsString());
            assertEquals("la edición elegida 1.1.0 ya no está instalada (se retiró o se reemplazó su bundle); se usa la"
                    + " edición 1.0.0 en su lugar", fallback.get("fallback").getAsString());
            mx.cte.audit.api.AuditLog audit = bundleContext.getService(bundleContext.getServiceReference(
                    mx.cte.audit.api.AuditLog.class));
            String reason = fallback.get("fallback").getAsString();
            long auditDeadline = System.nanoTime() + WAIT.toNanos();
            while (audit.list(new mx.cte.audit.api.AuditQuery("guia-respaldo", null, start, 50)).stream()
                    .noneMatch(e -> e.target().equals(key + " 1.1.0") && e.detail().equals(reason))) {
                assertTrue("the fallback is in the audit log", System.nanoTime() < auditDeadline);
                Thread.sleep(50);
            }
        } finally {
            if (two != null) {
                two.uninstall();
            }
            one.uninstall();
        }
    }

    @Test
    public void aSchoolIsOfferedTheGuidesOfItsLevelOnly() throws Exception {
        Bundle primaria = bundleContext.installBundle("it:level-primaria", Signing.admitted(bundleContext,
                GuideBundles.bundle("it.guide.primaria", "1.0.0", GuideBundles.descriptor("nivel-primaria", "1.0.0",
                        "texto-libre").replace("\"level\": \"preescolar\"", "\"level\": \"primaria\""))));
        try {
            String key = "09:2099-2100:primaria:nivel-primaria";
            awaitGuide(key, g -> "activa".equals(g.get("status").getAsString()));
            List<String> forPrimaria = strings(json(Http.get("/api/v1/guides?nivel=primaria"))
                    .getAsJsonArray("guides"), "key");
            assertTrue(forPrimaria.toString(), forPrimaria.contains(key));
            assertFalse("a primaria school is not offered preescolar's guides: " + forPrimaria,
                    forPrimaria.contains(THIRD_SESSION));
            List<String> forPreescolar = strings(json(Http.get("/api/v1/guides?nivel=Preescolar"))
                    .getAsJsonArray("guides"), "key");
            assertTrue(forPreescolar.contains(THIRD_SESSION));
            assertFalse(forPreescolar.contains(key));
            HttpResponse<String> wrong = Http.get("/api/v1/guides?nivel=%3Cscript%3E");
            assertEquals(400, wrong.statusCode());
            assertTrue(wrong.body(), wrong.body().contains("nivel"));
        } finally {
            primaria.uninstall();
        }
    }

    @Test
    public void invalidGuideBundleIsRefusedWithItsReasonWhileTheRestKeepsServing() throws Exception {
        String broken = GuideBundles.descriptor("refused", "1.0.0", "texto-libre").replace("\"colectivo\"", "\"todos\"");
        Bundle bundle = bundleContext.installBundle("it:refused",
                GuideBundles.bundle("it.guide.refused", "1.0.0", broken));
        try {
            JsonObject refusal = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (refusal == null && System.nanoTime() < deadline) {
                for (JsonElement r : json(Http.get("/api/v1/guides")).getAsJsonArray("refused")) {
                    if (r.getAsJsonObject().getAsJsonObject("bundle").get("symbolicName").getAsString()
                            .equals("it.guide.refused")) {
                        refusal = r.getAsJsonObject();
                    }
                }
                Thread.sleep(50);
            }
            assertTrue("refusal listed", refusal != null);
            JsonObject problem = refusal.getAsJsonArray("problems").get(0).getAsJsonObject();
            assertEquals("$.sections[0].activities[0].participation", problem.get("path").getAsString());
            assertEquals("the line of the descriptor, for the team that edits it", LINE_OF_PARTICIPATION,
                    problem.get("line").getAsInt());
            Http.awaitStatus("/api/v1/guides/" + THIRD_SESSION + "/versions/1.0.0", 200, WAIT);
            Http.awaitStatus("/api/v1/health", 200, WAIT);
        } finally {
            bundle.uninstall();
        }
    }

    @Test
    public void stoppingAModuleLeavesTheGuidesThatNeedItUnsatisfiedUntilItReturns() throws Exception {
        Bundle logbook = bundleByName("mx.cte.logbook.impl");
        BundleWatch watch = new BundleWatch(bundleContext, b -> b == logbook);
        logbook.stop();
        try {
            JsonObject guide = awaitGuide(THIRD_SESSION, g -> "insatisfecha".equals(g.get("status").getAsString()));
            assertEquals(List.of("acuerdo-bitacora"), strings(guide.getAsJsonArray("editions").get(0)
                    .getAsJsonObject().getAsJsonArray("missingProductTypes"), null));
            Http.awaitStatus("/api/v1/health", 200, WAIT);
        } finally {
            logbook.start();
        }
        JsonObject guide = awaitGuide(THIRD_SESSION, g -> "activa".equals(g.get("status").getAsString()));
        assertEquals("1.0.0", activeVersion(guide));
        Http.awaitStatus("/api/v1/guides/" + THIRD_SESSION, 200, WAIT);
        watch.close();
        assertEquals("only the logbook module stopped and started", List.of(), watch.events());
        assertEquals(watch.before(), watch.states());
    }

    private Bundle bundleByName(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    @Test
    public void unsatisfiedGuideBecomesActiveWhenAModuleProvidesItsProductType() throws Exception {
        String key = "09:2099-2100:preescolar:unsatisfied";
        Bundle bundle = bundleContext.installBundle("it:unsatisfied", Signing.admitted(bundleContext,
                GuideBundles.bundle("it.guide.unsatisfied", "1.0.0", GuideBundles.descriptor("unsatisfied", "1.0.0",
                        "tipo-de-prueba"))));
        ServiceRegistration<ProductType> module = null;
        try {
            JsonObject guide = awaitGuide(key, g -> "insatisfecha".equals(g.get("status").getAsString()));
            assertEquals(List.of("tipo-de-prueba"), strings(guide.getAsJsonArray("editions").get(0).getAsJsonObject()
                    .getAsJsonArray("missingProductTypes"), null));
            assertEquals(404, Http.get("/api/v1/guides/" + key).statusCode());

            module = bundleContext.registerService(ProductType.class, new ProductType() {
                @Override
                public String id() {
                    return "tipo-de-prueba";
                }

                @Override
                public String title() {
                    return "Tipo de prueba";
                }
            }, null);

            awaitGuide(key, g -> "activa".equals(g.get("status").getAsString()));
            Http.awaitStatus("/api/v1/guides/" + key, 200, WAIT);
            assertTrue(Set.of(json(Http.get("/api/v1/product-types")).toString()).iterator().next()
                    .contains("tipo-de-prueba"));
        } finally {
            if (module != null) {
                module.unregister();
            }
            bundle.uninstall();
        }
    }
}
