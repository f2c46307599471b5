package mx.cte.exchange.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The products of learning among schools: collective texts, the problem presentation, the zone's grouping and the recommendations between schools. */
@Component
public final class ExchangeProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition("lluvia-ideas", "Lluvia de ideas",
                    "Aportaciones breves de varias personas del colectivo sobre un tema."),
            new ProductTypeDefinition("destacados-lectura", "Ideas destacadas de una lectura",
                    "Los términos y las ideas que el colectivo subraya en las lecturas de la guía."),
            new ProductTypeDefinition("texto-escuela", "Texto de la escuela",
                    "Un texto que el colectivo escribe en conjunto, con varios autores."),
            new ProductTypeDefinition("contraste-practica", "Contraste con la práctica",
                    "Lo que el colectivo encuentra al comparar lo leído con su propia práctica en el Consejo Técnico Escolar."),
            new ProductTypeDefinition("comentarios-colectivo", "Comentarios del colectivo",
                    "Los comentarios del colectivo sobre lo que se presentó o se leyó."),
            new ProductTypeDefinition("presentacion-problematica", "Presentación de la problemática de la escuela",
                    "La problemática de la escuela, sus causas, las acciones emprendidas, los resultados y las prácticas que han ayudado, para compartirla con las escuelas de la zona."),
            new ProductTypeDefinition("agrupacion-escuelas", "Agrupación de escuelas con problemáticas comunes",
                    "Los grupos de escuelas de la zona que el Consejo Técnico de Zona forma para el intercambio, con las razones de cada agrupación."),
            new ProductTypeDefinition("recomendaciones-escuelas", "Recomendaciones entre escuelas",
                    "Las recomendaciones, estrategias, recursos y propuestas que una escuela ofrece a otra de su grupo."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public ExchangeProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
