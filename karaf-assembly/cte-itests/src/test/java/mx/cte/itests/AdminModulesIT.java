package mx.cte.itests;

import static mx.cte.itests.WebSession.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The administration API of the platform's bundles: an administrator sees every module, guide and pack with its
 * version and state; a stopped service shows on the bundles that need it, naming what they miss; nobody else may
 * look.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AdminModulesIT {

    private static final String MODULES = "/api/v1/admin/modules";

    @Inject
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    private static Optional<JsonObject> bundle(JsonObject modules, String symbolicName) {
        return StreamSupport.stream(modules.getAsJsonArray("bundles").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(b -> b.get("nombreSimbolico").getAsString().equals(symbolicName)).findFirst();
    }

    @Test
    public void anAdministratorSeesEachBundlesStateAndWhatAStoppedServiceLeavesMissing() throws Exception {
        WebSession admin = WebSession.demo("admin.plataforma");
        JsonObject modules = json(admin.get(MODULES));
        assertTrue(modules.get("componentesConocidos").getAsBoolean());
        JsonObject cardsWeb = bundle(modules, "mx.cte.cards.web").orElseThrow();
        assertEquals("activo", cardsWeb.get("estado").getAsString());
        assertEquals("Tarjetas de intervención", cardsWeb.get("modulo").getAsString());
        assertEquals("plataforma", cardsWeb.get("tipo").getAsString());
        assertEquals(0, cardsWeb.get("componentesConProblemas").getAsInt());
        assertEquals("guia", bundle(modules, "mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3").orElseThrow()
                .get("tipo").getAsString());
        assertEquals("paquete", bundle(modules, "mx.cte.packs.sep.preescolar").orElseThrow().get("tipo")
                .getAsString());
        assertTrue("third-party bundles are not listed", bundle(modules, "com.google.gson").isEmpty());

        KarafShell shell = KarafShell.asAdmin(sessionFactory);
        shell.run("bundle:stop mx.cte.cards.impl");
        try {
            JsonObject withoutCards = json(admin.get(MODULES));
            assertEquals("detenido", bundle(withoutCards, "mx.cte.cards.impl").orElseThrow().get("estado")
                    .getAsString());
            JsonObject waiting = bundle(withoutCards, "mx.cte.cards.web").orElseThrow();
            assertTrue(waiting.toString(), waiting.get("componentesConProblemas").getAsInt() > 0);
            assertTrue(waiting.toString(), StreamSupport.stream(waiting.getAsJsonArray("componentes").spliterator(),
                    false).map(JsonElement::getAsJsonObject)
                    .anyMatch(c -> c.get("estado").getAsString().equals("insatisfecho")
                            && c.getAsJsonArray("faltan").toString().contains("mx.cte.cards.api.")));
        } finally {
            shell.run("bundle:start mx.cte.cards.impl");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (bundle(json(admin.get(MODULES)), "mx.cte.cards.web").orElseThrow().get("componentesConProblemas")
                .getAsInt() > 0) {
            assertTrue("the cards module is back within 30 s", System.nanoTime() < deadline);
            Thread.sleep(200);
        }

        assertEquals(403, WebSession.demo("directora.rosaura").get(MODULES).statusCode());
        assertEquals(403, WebSession.demo("publicador.edomex").get(MODULES).statusCode());
        assertEquals(405, admin.send("DELETE", MODULES, null).statusCode());
    }
}
