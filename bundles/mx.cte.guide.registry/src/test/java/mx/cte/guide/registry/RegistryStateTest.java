package mx.cte.guide.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cte.guide.api.GuideActivationException;
import mx.cte.guide.api.GuideEdition;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.GuideSource;
import mx.cte.guide.api.GuideStatus;
import mx.cte.guide.api.ProductTypeInfo;
import org.junit.Test;

public class RegistryStateTest {

    private static final GuideId MINIMAL = GuideId.parse("15:2017-2018:primaria:ordinaria-2");
    private static final GuideId EVERY_FIELD = GuideId.parse("SEP:2021-2022:secundaria:intensiva");

    private final DescriptorReader reader = new DescriptorReader();
    private final RegistryState state = new RegistryState(Map.of());

    private static GuideSource bundle(long id) {
        return new GuideSource(id, "guide." + id, "1.0.0", "guide/guide.json");
    }

    private DescriptorResult minimalVersion(String version) {
        return reader.read(Descriptors.edited("minimal.json", g -> g.addProperty("version", version)));
    }

    private void provide(String... types) {
        for (String type : types) {
            state.addProductType(type, new ProductTypeInfo(type, type, "", "test", "1.0.0"));
        }
    }

    private GuideStatus status(GuideId id, String version) {
        return state.catalog().edition(id, version).orElseThrow().status();
    }

    @Test
    public void guideWithMissingProductTypesIsUnsatisfiedAndListsThem() {
        provide("texto-libre");
        state.offer(bundle(1), reader.read(Descriptors.text("every-field.json")));

        GuideEdition edition = state.catalog().edition(EVERY_FIELD, "2.3.4").orElseThrow();
        assertEquals(GuideStatus.UNSATISFIED, edition.status());
        assertEquals(Set.of("sintesis"), edition.missingProductTypes());
        assertTrue(state.catalog().active(EVERY_FIELD).isEmpty());
    }

    @Test
    public void aCapabilityInAnotherVersionLeavesTheGuideUnsatisfiedUntilAModuleInRangeComes() {
        DescriptorResult needsVersion2 = reader.read(Descriptors.edited("minimal-2.json", g -> g.add("requires",
                Descriptors.json("{\"capabilities\": [{\"productType\": \"texto-libre\", \"version\": \"[2.0,3.0)\"}]}"))));
        state.addProductType("v1", new ProductTypeInfo("texto-libre", "", "", "module.v1", "1.4.0"));
        state.offer(bundle(1), needsVersion2);
        assertEquals(GuideStatus.UNSATISFIED, status(MINIMAL, "1.0.0"));
        assertEquals(Set.of("texto-libre"), state.catalog().edition(MINIMAL, "1.0.0").orElseThrow()
                .missingProductTypes());

        state.addProductType("v2", new ProductTypeInfo("texto-libre", "", "", "module.v2", "2.0.1"));
        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.0.0"));
    }

    @Test
    public void unsatisfiedGuideBecomesActiveWhenAModuleProvidesTheMissingType() {
        provide("texto-libre");
        state.offer(bundle(1), reader.read(Descriptors.text("every-field.json")));

        provide("sintesis");

        assertEquals(GuideStatus.ACTIVE, status(EVERY_FIELD, "2.3.4"));
        state.removeProductType("sintesis");
        assertEquals(GuideStatus.UNSATISFIED, status(EVERY_FIELD, "2.3.4"));
    }

    @Test
    public void theFirstUsableEditionServesAndOneInstalledBesideItWaitsToBeChosen() {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), minimalVersion("1.10.0"));
        state.offer(bundle(3), minimalVersion("1.9.0"));

        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.0.0"));
        assertEquals(GuideStatus.AVAILABLE, status(MINIMAL, "1.10.0"));
        assertEquals("remembered as the choice, so a restart keeps it", Map.of(MINIMAL.key(), "1.0.0"),
                state.chosen());
        assertFalse(state.catalog().choice(MINIMAL).orElseThrow().isFallback());
        assertEquals(List.of("1.10.0", "1.9.0", "1.0.0"),
                state.catalog().editions(MINIMAL).stream().map(GuideEdition::version).toList());
    }

    @Test
    public void withNoChoiceYetTheNewestUsableEditionServesAndBecomesTheChoice() {
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), minimalVersion("1.10.0"));
        assertEquals(Map.of(), state.chosen());

        provide("texto-libre");

        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.10.0"));
        assertEquals(Map.of(MINIMAL.key(), "1.10.0"), state.chosen());
    }

    @Test
    public void updatingTheChosenEditionsBundleInPlaceUpgradesTheChoice() throws Exception {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), minimalVersion("2.0.0"));

        state.offer(bundle(1), minimalVersion("1.1.0"));
        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.1.0"));
        assertEquals(Map.of(MINIMAL.key(), "1.1.0"), state.chosen());

        state.offer(bundle(2), minimalVersion("2.1.0"));
        assertEquals("updating another edition's bundle does not make it the choice", GuideStatus.AVAILABLE,
                status(MINIMAL, "2.1.0"));
    }

    @Test
    public void everyChangeOfAChoiceIsAnnouncedOnceForTheRegistryToPersist() throws Exception {
        List<Map<String, String>> announced = new java.util.ArrayList<>();
        RegistryState watched = new RegistryState(Map.of(), new RegistryState.StatusListener() {
            @Override
            public void statusChanged(GuideEdition edition, GuideStatus previous) {
            }

            @Override
            public void choicesChanged(Map<String, String> chosen) {
                announced.add(chosen);
            }
        });
        watched.addProductType("t", new ProductTypeInfo("texto-libre", "", "", "test", "1.0.0"));
        watched.offer(bundle(1), minimalVersion("1.0.0"));
        watched.offer(bundle(2), minimalVersion("2.0.0"));
        watched.activate(MINIMAL, "2.0.0");
        watched.activate(MINIMAL, "2.0.0");
        watched.offer(bundle(2), minimalVersion("2.1.0"));

        assertEquals(List.of(Map.of(MINIMAL.key(), "1.0.0"), Map.of(MINIMAL.key(), "2.0.0"),
                Map.of(MINIMAL.key(), "2.1.0")), announced);
    }

    @Test
    public void aRefusedUpdateOfTheChosenEditionKeepsItServing() throws Exception {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), minimalVersion("1.1.0"));
        state.activate(MINIMAL, "1.1.0");

        RegistryState.Outcome outcome = state.offer(bundle(2), reader.read("{\"schemaVersion\": 1"));

        assertTrue(outcome instanceof RegistryState.Refused);
        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.1.0"));
        assertFalse(state.catalog().choice(MINIMAL).orElseThrow().isFallback());
    }

    @Test
    public void administratorsChoiceWinsOverNewerEditionsAndIsRemembered() throws Exception {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), minimalVersion("2.0.0"));

        state.activate(MINIMAL, "1.0.0");
        state.offer(bundle(3), minimalVersion("3.0.0"));

        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.0.0"));
        assertEquals(GuideStatus.AVAILABLE, status(MINIMAL, "3.0.0"));
        assertEquals(Map.of(MINIMAL.key(), "1.0.0"), state.chosen());
        RegistryState restarted = new RegistryState(state.chosen());
        restarted.addProductType("t", new ProductTypeInfo("texto-libre", "", "", "test", "1.0.0"));
        restarted.offer(bundle(4), minimalVersion("3.0.0"));
        restarted.offer(bundle(5), minimalVersion("1.0.0"));
        assertEquals(GuideStatus.ACTIVE, restarted.catalog().edition(MINIMAL, "1.0.0").orElseThrow().status());
    }

    @Test
    public void withoutTheChosenEditionTheNewestUsableServesAsAVisibleFallbackUntilItReturns() throws Exception {
        List<String> told = new java.util.ArrayList<>();
        RegistryState watched = new RegistryState(Map.of(), new RegistryState.StatusListener() {
            @Override
            public void statusChanged(GuideEdition edition, GuideStatus previous) {
            }

            @Override
            public void choiceChanged(String key, mx.cte.guide.api.EditionChoice previous,
                    mx.cte.guide.api.EditionChoice now) {
                told.add(key + ": " + (now.isFallback() ? now.fallbackReason() : "de vuelta " + now.chosenVersion()));
            }
        });
        watched.addProductType("t", new ProductTypeInfo("texto-libre", "", "", "test", "1.0.0"));
        watched.offer(bundle(1), minimalVersion("1.0.0"));
        watched.offer(bundle(2), minimalVersion("2.0.0"));
        watched.offer(bundle(3), minimalVersion("1.5.0"));
        watched.activate(MINIMAL, "1.5.0");

        watched.withdraw(3);

        assertEquals(GuideStatus.ACTIVE, watched.catalog().edition(MINIMAL, "2.0.0").orElseThrow().status());
        mx.cte.guide.api.EditionChoice choice = watched.catalog().choice(MINIMAL).orElseThrow();
        assertEquals("1.5.0", choice.chosenVersion());
        assertEquals("2.0.0", choice.activeVersion());
        assertEquals("la edición elegida 1.5.0 ya no está instalada (se retiró o se reemplazó su bundle); se usa la"
                + " edición 2.0.0 en su lugar", choice.fallbackReason());
        assertEquals("the choice is kept for when the edition returns", "1.5.0", watched.chosen().get(MINIMAL.key()));

        watched.offer(bundle(4), minimalVersion("1.5.0"));
        assertEquals(GuideStatus.ACTIVE, watched.catalog().edition(MINIMAL, "1.5.0").orElseThrow().status());
        assertEquals(List.of(MINIMAL.key() + ": " + choice.fallbackReason(), MINIMAL.key() + ": de vuelta 1.5.0"),
                told);
    }

    @Test
    public void aChosenEditionWithoutItsModuleSaysWhichTypesItMisses() throws Exception {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), reader.read(Descriptors.edited("minimal.json", g -> {
            g.addProperty("version", "2.0.0");
            g.getAsJsonArray("sections").get(0).getAsJsonObject().getAsJsonArray("activities").get(0)
                    .getAsJsonObject().getAsJsonObject("product").addProperty("type", "sintesis");
        })));
        provide("sintesis");
        state.activate(MINIMAL, "2.0.0");

        state.removeProductType("sintesis");

        assertEquals("a la edición elegida 2.0.0 le faltan los tipos de producto [sintesis]; se usa la edición 1.0.0"
                + " en su lugar", state.catalog().choice(MINIMAL).orElseThrow().fallbackReason());
    }

    @Test
    public void refusesToActivateAnUnsatisfiedOrUnknownEdition() {
        state.offer(bundle(1), minimalVersion("1.0.0"));
        try {
            state.activate(MINIMAL, "1.0.0");
            fail("an unsatisfied edition was activated");
        } catch (GuideActivationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("texto-libre"));
        }
        try {
            state.activate(MINIMAL, "9.9.9");
            fail("a missing edition was activated");
        } catch (GuideActivationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("1.0.0"));
        }
    }

    @Test
    public void secondBundleWithTheSameEditionIsRefusedAndTheFirstKeepsServing() {
        provide("texto-libre");
        state.offer(bundle(1), minimalVersion("1.0.0"));

        RegistryState.Outcome outcome = state.offer(bundle(2), minimalVersion("1.0.0"));

        assertTrue(outcome instanceof RegistryState.Refused);
        assertEquals("$.version", state.catalog().refused().get(0).problems().get(0).path());
        assertEquals(1, state.catalog().edition(MINIMAL, "1.0.0").orElseThrow().source().bundleId());
    }

    @Test
    public void invalidUpdateNeverReplacesTheValidEditionAndTouchesNoOtherGuide() {
        provide("texto-libre", "sintesis");
        state.offer(bundle(1), minimalVersion("1.0.0"));
        state.offer(bundle(2), reader.read(Descriptors.text("every-field.json")));

        RegistryState.Outcome outcome = state.offer(bundle(2), reader.read("{ roto"));

        assertTrue(outcome instanceof RegistryState.Refused);
        assertEquals(GuideStatus.ACTIVE, status(MINIMAL, "1.0.0"));
        assertEquals(GuideStatus.ACTIVE, status(EVERY_FIELD, "2.3.4"));
        assertEquals(2, state.catalog().refused().get(0).source().bundleId());

        state.offer(bundle(2), reader.read(Descriptors.edited("every-field.json", g -> g.addProperty("version", "2.4.0"))));
        assertTrue(state.catalog().refused().isEmpty());
        assertEquals(List.of("2.4.0"), state.catalog().editions(EVERY_FIELD).stream().map(GuideEdition::version).toList());

        state.withdraw(2);
        assertTrue(state.catalog().editions(EVERY_FIELD).isEmpty());
        assertFalse(state.catalog().editions(MINIMAL).isEmpty());
    }

    @Test
    public void toldWhenAPublishedEditionChangesStatus() throws Exception {
        List<String> changes = new java.util.ArrayList<>();
        RegistryState observed = new RegistryState(Map.of(),
                (edition, previous) -> changes.add(edition.version() + " " + previous + "->" + edition.status()));
        observed.offer(bundle(1), minimalVersion("1.0.0"));

        observed.addProductType("t", new ProductTypeInfo("texto-libre", "", "", "test", "1.0.0"));
        observed.offer(bundle(2), minimalVersion("2.0.0"));
        observed.activate(MINIMAL, "2.0.0");

        assertEquals(List.of("1.0.0 UNSATISFIED->ACTIVE", "2.0.0 AVAILABLE->ACTIVE", "1.0.0 ACTIVE->AVAILABLE"),
                changes);
    }
}
