package mx.cte.programme.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** What a guide can ask of the improvement programme in a session: the follow-up of its actions. */
@Component
public final class ProgrammeProductTypes {

    static final String FOLLOW_UP = "seguimiento-programa";
    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition(FOLLOW_UP, "Seguimiento del programa de mejora",
                    "Cada acción del programa de mejora del ciclo (PEMC o Ruta de Mejora) con lo que el colectivo"
                    + " observa en esta sesión: su avance, lo que se vio, el ajuste que acuerda y sus evidencias."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public ProgrammeProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
