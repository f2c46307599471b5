package mx.cte.logbook.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The agreements recorded in the school's Cuaderno de Bitácora. */
@Component
public final class LogbookProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition(LogbookService.PRODUCT_TYPE, "Acuerdo en el Cuaderno de Bitácora",
                    "Lo que el colectivo acordó: responsables, compromisos, plazo, la sesión y la actividad de la que surge, y su seguimiento (pendiente, en curso, cumplido, reprogramado)."));

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
