package mx.cte.results.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The products of the results analysis: what each group and grade advanced and what the school will attend next. */
@Component
public final class ResultsProductTypes {

    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition("cuadro-resultados", "Cuadro de resultados esperados",
                    "Por grado y grupo, cada resultado esperado del periodo con su área o indicador y el objetivo y la meta de la Ruta de Mejora Escolar a los que sirve."),
            new ProductTypeDefinition("valoracion-grupo", "Valoración del grupo",
                    "Por grupo: el avance de cada resultado esperado (logrado, en proceso, sin avance), los de mayor dificultad y por qué, las acciones que funcionaron o no, los materiales que ayudaron; con las observaciones de los docentes de Educación Física, Inglés, Música, Cómputo, USAER y otros agentes."),
            new ProductTypeDefinition("coincidencias-grado", "Coincidencias por grado",
                    "Lo que comparten los grupos de un mismo grado en avances y dificultades, a partir de sus valoraciones."),
            new ProductTypeDefinition("valoracion-estrategia-global", "Valoración de la Estrategia Global de Mejora Escolar",
                    "Las acciones de la Estrategia Global que contribuyen o no al logro de los resultados esperados."),
            new ProductTypeDefinition("sintesis-equipo", "Síntesis del equipo",
                    "La síntesis del equipo de grado, escrita con las frases de la guía."),
            new ProductTypeDefinition("concentrado-escuela", "Concentrado de resultados de la escuela",
                    "Los logros y los desafíos de la escuela para el siguiente periodo; en escuelas multigrado, del conjunto de escuelas del colectivo."),
            new ProductTypeDefinition("vinculo-ruta-mejora", "Vínculo con la Ruta de Mejora Escolar",
                    "La relación de cada desafío con los objetivos y las metas de la Ruta de Mejora Escolar."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public ResultsProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
