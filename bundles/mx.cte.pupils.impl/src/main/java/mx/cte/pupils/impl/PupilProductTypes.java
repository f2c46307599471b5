package mx.cte.pupils.impl;

import java.util.List;
import mx.cte.guide.spi.ProductTypeDefinition;
import mx.cte.guide.spi.ProductTypeRegistrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** What a guide can ask of the pupils module in a session: the review of each group's pupils. */
@Component
public final class PupilProductTypes {

    static final String REVIEW = "revision-alumnos";
    static final List<ProductTypeDefinition> TYPES = List.of(
            new ProductTypeDefinition(REVIEW, "Revisión de los alumnos que requieren apoyo",
                    "Por grupo, cada alumno con la valoración de su docente en lectura, escritura y matemáticas"
                    + " (semáforo), su asistencia, su riesgo de abandono y el apoyo que acuerda el colectivo."));

    private final ProductTypeRegistrations registrations;

    @Activate
    public PupilProductTypes(BundleContext context) {
        registrations = ProductTypeRegistrations.register(context, TYPES);
    }

    @Deactivate
    void deactivate() {
        registrations.close();
    }
}
