package mx.cte.catalogue.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The products of the resource catalogue: the school's classified materials and the ones chosen for its challenges. */
@Component
public final class CatalogueProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition("clasificacion-recursos", "Clasificación de materiales, recursos y fuentes",
                    "Los materiales, recursos y fuentes de consulta de la escuela, organizados según los criterios que define la guía."),
            new ProductTypeDefinition("seleccion-recursos", "Selección de materiales para los desafíos",
                    "Los materiales y recursos del catálogo elegidos para atender los desafíos de la escuela."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public CatalogueProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
