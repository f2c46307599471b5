package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.Block;
import mx.cte.guide.api.Guide;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideProblem;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.Provenance;
import mx.cte.guide.api.RefusedGuide;
import mx.cte.guide.api.Section;
import org.junit.Test;

/** A state's overlay of a national guide: composed with provenance, re-applied to corrected editions, conflicts named. */
public class OverlayTest {

    private static final GuideId STATE = GuideId.parse("15:2021-2022:basica:intensiva");
    private final DescriptorReader reader = new DescriptorReader();

    private Guide base(String version, java.util.function.Consumer<JsonObject> edit) {
        DescriptorResult result = reader.read(Descriptors.edited("every-structure-2.json", g -> {
            g.addProperty("version", version);
            edit.accept(g);
        }));
        assertTrue(result.problems().toString(), result.isValid());
        return result.guide();
    }

    private Overlay overlay() {
        DescriptorResult result = reader.read(Descriptors.text("overlay-15.json"));
        assertTrue(result.problems().toString(), result.isOverlay());
        return result.overlay();
    }

    private static void withoutActivity21(JsonObject guide) {
        JsonArray activities = guide.getAsJsonArray("sections").get(2).getAsJsonObject().getAsJsonArray("activities");
        activities.remove(1);
    }

    @Test
    public void theStatesGuideIsTheNationalOneWithItsChangesAndSaysWhatIsTheStates() {
        OverlayComposer.Composed composed = OverlayComposer.apply(base("1.0.0", g -> { }), overlay());

        assertTrue(composed.conflicts().toString(), composed.isClean());
        Guide guide = composed.guide();
        assertEquals(STATE, guide.id());
        assertEquals("Edición del Estado de México", guide.subtitle());
        assertEquals("Secretaría de Educación del Estado de México", guide.publisher().name());
        assertEquals(List.of("Propósito estatal."), guide.purposes().items());
        assertEquals(List.of("2021-08-18"), guide.dates());
        Section day = guide.sections().get(2);
        assertEquals("added after activity 1, activity 30 hidden", List.of(1, 150, 21),
                day.activities().stream().map(Activity::number).toList());
        assertEquals(List.of(), guide.sections().get(1).activities());
        assertEquals(List.of(new Block.Paragraph("Texto estatal.")), guide.activity(21).orElseThrow().instructions());
        assertEquals(List.of("texto-libre", "acuerdo-bitacora"), guide.activity(1).orElseThrow().products().stream()
                .map(p -> p.type()).toList());
        assertEquals(List.of("medidas", "previas", "dia-1", "anexo-estatal"), guide.sections().stream()
                .map(Section::id).toList());
        assertEquals(List.of("texto-1", "lectura-estatal"), guide.readings().stream().map(r -> r.id()).toList());

        Provenance provenance = guide.provenance();
        assertEquals("SEP:2021-2022:basica:intensiva", provenance.baseKey());
        assertEquals("1.0.0", provenance.baseVersion());
        assertEquals(Map.of("actividad:150", "agregado", "actividad:21", "reemplazado", "actividad:30", "oculto",
                "lectura:lectura-estatal", "agregado", "producto:1:acuerdo-bitacora", "agregado",
                "producto:1:sintesis", "oculto", "seccion:anexo-estatal", "agregado", "propositos", "agregado"),
                provenance.items());
    }

    @Test
    public void aChangeThatNoLongerFitsTheEditionIsAConflictNamingItemAndEdition() {
        OverlayComposer.Composed composed = OverlayComposer.apply(base("1.2.0", OverlayTest::withoutActivity21),
                overlay());

        assertFalse(composed.isClean());
        assertEquals(List.of(new GuideProblem("$.changes[1].key", "la actividad 21 no existe (en la edición 1.2.0 de"
                + " SEP:2021-2022:basica:intensiva)")), composed.conflicts());
    }

    @Test
    public void anAddedKeyTheNationalGuideUsesIsAConflict() {
        Guide base = base("1.0.0", g -> g.getAsJsonArray("sections").get(1).getAsJsonObject()
                .getAsJsonArray("activities").get(0).getAsJsonObject().addProperty("key", 150));
        OverlayComposer.Composed composed = OverlayComposer.apply(base, overlay());

        assertTrue(composed.conflicts().toString(), composed.conflicts().stream().anyMatch(c -> c.path()
                .equals("$.changes[0].activity") && c.message().contains("la clave 150 que agrega ya la usa otra")));
    }

    @Test
    public void theRegistryReappliesTheOverlayToACorrectedEditionOrKeepsTheLastOneItFits() {
        RegistryState state = new RegistryState(Map.of());
        GuideSource overlayBundle = new GuideSource(9, "estatal", "1.0.0", "guide/guide.json");

        RegistryState.Outcome waiting = state.offer(overlayBundle, reader.read(Descriptors.text("overlay-15.json")));
        assertTrue("no base edition yet", waiting instanceof RegistryState.Refused);
        assertTrue(refusal(state, 9), refusal(state, 9).contains("la guía base SEP:2021-2022:basica:intensiva no tiene"
                + " instalada ninguna edición en [1.0,2.0) (no hay ninguna instalada)"));

        state.offer(new GuideSource(1, "sep", "1.0.0", "guide/guide.json"), DescriptorResult.valid(base("1.0.0",
                g -> { })));
        assertEquals("1.0.0", composedOn(state));
        assertEquals("", refusal(state, 9));

        state.offer(new GuideSource(2, "sep", "1.1.0", "guide/guide.json"), DescriptorResult.valid(base("1.1.0",
                g -> { })));
        assertEquals("re-applied to the corrected edition", "1.1.0", composedOn(state));

        state.offer(new GuideSource(3, "sep", "1.2.0", "guide/guide.json"), DescriptorResult.valid(base("1.2.0",
                OverlayTest::withoutActivity21)));
        assertEquals("kept on the last edition it fits", "1.1.0", composedOn(state));
        assertTrue(refusal(state, 9), refusal(state, 9).contains("$.changes[1].key: la actividad 21 no existe (en la"
                + " edición 1.2.0 de SEP:2021-2022:basica:intensiva)"));

        state.offer(new GuideSource(4, "sep", "2.0.0", "guide/guide.json"), DescriptorResult.valid(base("2.0.0",
                g -> { })));
        assertEquals("2.0.0 is outside [1.0,2.0)", "1.1.0", composedOn(state));

        state.withdraw(9);
        assertTrue(state.catalog().editions(STATE).isEmpty());
        assertEquals("", refusal(state, 9));
    }

    private static String composedOn(RegistryState state) {
        return state.catalog().edition(STATE, "1.0.0").orElseThrow().guide().provenance().baseVersion();
    }

    private static String refusal(RegistryState state, long bundle) {
        return state.catalog().refused().stream().filter(r -> r.source().bundleId() == bundle)
                .map(RefusedGuide::problems).flatMap(List::stream).map(GuideProblem::toString)
                .collect(Collectors.joining("\n"));
    }

    @Test
    public void anOverlayIsTheStatesOnAnotherPublishersGuide() {
        DescriptorResult bySep = reader.read(Descriptors.edited("overlay-15.json", g -> g.getAsJsonObject("publisher")
                .addProperty("code", "SEP")));
        assertFalse(bySep.isValid());
        assertEquals("$.publisher.code", bySep.problems().get(0).path());

        DescriptorResult unknown = reader.read(Descriptors.edited("overlay-15.json", g -> g.getAsJsonArray("changes")
                .get(0).getAsJsonObject().addProperty("action", "borrar-todo")));
        assertFalse(unknown.isValid());
        assertTrue(unknown.problems().toString(), unknown.problems().stream()
                .anyMatch(p -> p.path().equals("$.changes[0].action")));
    }
}
