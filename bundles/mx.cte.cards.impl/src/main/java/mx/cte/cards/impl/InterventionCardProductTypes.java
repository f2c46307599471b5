package mx.cte.cards.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The products around intervention cards: the proposals, what the collective says of them and what the school decides. */
@Component
public final class InterventionCardProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition("propuesta-intervencion", "Tarjeta de propuesta de intervención",
                    "Una propuesta para atender uno o más desafíos: acciones en el aula y en la escuela, materiales, adecuaciones para atender la diversidad, instrumentos de evaluación, grados, duración y responsables."),
            new ProductTypeDefinition("comentarios-propuesta", "Comentarios a una propuesta",
                    "Los comentarios y las sugerencias del colectivo a una tarjeta de propuesta de intervención."),
            new ProductTypeDefinition("decision-estrategia-global", "Decisión sobre la Estrategia Global",
                    "Si una propuesta se incorpora a la Estrategia Global de Mejora Escolar para toda la escuela o se diseña una nueva."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public InterventionCardProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
