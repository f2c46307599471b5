package mx.cte.logbook.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The agreements recorded in the school's Cuaderno de Bitácora, and their review in later sessions. */
@Component
public final class LogbookProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition(LogbookService.PRODUCT_TYPE, "Acuerdo en el Cuaderno de Bitácora",
                    "Lo que el colectivo acordó: responsables, compromisos, plazo, la sesión y la actividad de la que surge, y su seguimiento (pendiente, en curso, cumplido, reprogramado, descartado)."),
            new ProductTypeDefinition(LogbookService.REVIEW_TYPE, "Revisión de los acuerdos de sesiones anteriores",
                    "Los acuerdos aún abiertos de las sesiones anteriores, cada uno con lo que el colectivo concluye en esta: cumplido, en curso o descartado, y un comentario."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public LogbookProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
