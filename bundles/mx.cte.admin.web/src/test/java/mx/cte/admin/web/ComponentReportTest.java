package mx.cte.admin.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

public class ComponentReportTest {

    private static ComponentDescriptionDTO servletNeedingCards() {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = "mx.cte.cards.web.CardsServlet";
        description.configurationPolicy = "optional";
        ReferenceDTO cards = new ReferenceDTO();
        cards.name = "cards";
        cards.interfaceName = "mx.cte.cards.api.CardService";
        description.references = new ReferenceDTO[] {cards};
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }

    @Test
    public void anUnsatisfiedComponentNamesTheServiceItIsMissing() {
        ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO missing = new UnsatisfiedReferenceDTO();
        missing.name = "cards";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {missing};

        JsonObject report = ComponentReport.of(servletNeedingCards(), true, List.of(waiting));

        assertEquals("insatisfecho", report.get("estado").getAsString());
        assertEquals("mx.cte.cards.api.CardService", report.getAsJsonArray("faltan").get(0).getAsString());
        assertFalse(ComponentReport.works(report));
    }

    @Test
    public void aFailedActivationGivesTheFirstLineOfItsErrorOnly() {
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: la base de datos no responde\n\tat mx.cte.X.y(X.java:1)";

        JsonObject report = ComponentReport.of(servletNeedingCards(), true, List.of(failed,
                configuration(ComponentConfigurationDTO.ACTIVE)));

        assertEquals("the worst configuration counts", "fallo-al-activar", report.get("estado").getAsString());
        assertEquals("java.lang.IllegalStateException: la base de datos no responde",
                report.get("error").getAsString());
    }

    @Test
    public void activeSatisfiedDisabledAndUnconfiguredComponents() {
        JsonObject active = ComponentReport.of(servletNeedingCards(), true,
                List.of(configuration(ComponentConfigurationDTO.ACTIVE)));
        JsonObject delayed = ComponentReport.of(servletNeedingCards(), true,
                List.of(configuration(ComponentConfigurationDTO.SATISFIED)));
        assertTrue(ComponentReport.works(active));
        assertTrue("a delayed component waiting for its first use works", ComponentReport.works(delayed));
        assertEquals("listo", delayed.get("estado").getAsString());

        assertEquals("desactivado", ComponentReport.of(servletNeedingCards(), false, List.of()).get("estado")
                .getAsString());
        ComponentDescriptionDTO needsConfiguration = servletNeedingCards();
        needsConfiguration.configurationPolicy = "require";
        JsonObject waiting = ComponentReport.of(needsConfiguration, true, List.of());
        assertEquals("espera-configuracion", waiting.get("estado").getAsString());
        assertFalse(ComponentReport.works(waiting));
    }

    @Test
    public void aComponentMadePerConfigurationFileIsNotBrokenWithoutOneButARequiredConfigurationIsMissed() {
        ComponentDescriptionDTO subscription = new ComponentDescriptionDTO();
        subscription.name = "mx.cte.channel.impl.ChannelSubscription";
        subscription.configurationPolicy = "require";
        subscription.properties = java.util.Map.of(ComponentReport.OPTIONAL_CONFIGURATION, "true");
        JsonObject none = ComponentReport.of(subscription, true, List.of());
        assertEquals("sin-configurar", none.get("estado").getAsString());
        assertTrue(ComponentReport.works(none));

        subscription.properties = java.util.Map.of();
        JsonObject required = ComponentReport.of(subscription, true, List.of());
        assertEquals("espera-configuracion", required.get("estado").getAsString());
        assertFalse(ComponentReport.works(required));
    }
}
