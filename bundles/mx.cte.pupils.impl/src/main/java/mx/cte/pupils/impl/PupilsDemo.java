package mx.cte.pupils.impl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import mx.cte.cluster.api.Cluster;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.SchoolYears;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo preschool's pupils' review of the current school year (a review is of the year the school lives; an earlier
 * year's names would be anonymised by the retention job): the demo teacher assigned to 3° A, its pupils assessed, and
 * a group of 2° she is not assigned to. Invented names, marked as such. Only when configured
 * ({@code etc/mx.cte.pupils.demo.cfg}), only when the demo school exists and has no pupils that year.
 */
@Component(configurationPid = "mx.cte.pupils.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = PupilsDemo.Config.class)
public final class PupilsDemo {

    private static final Logger LOG = LoggerFactory.getLogger(PupilsDemo.class);
    static final Cct SCHOOL = Cct.parse("15EJN0101A");
    static final String TEACHER = "docente.ana";
    private static final String AUTHOR = "demostracion";

    @ObjectClassDefinition(name = "CTE demo pupils' review")
    public @interface Config {
        @AttributeDefinition(description = "Write the demo school's pupils of the current school year when it has none")
        boolean enabled() default false;
    }

    @Activate
    public PupilsDemo(@Reference PupilRecords pupils, @Reference SchoolDirectory directory,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) Cluster cluster, Config config) {
        if (!config.enabled()) {
            return;
        }
        String cycle = SchoolYears.of(LocalDate.now(Clock.system(ZoneId.of("America/Mexico_City"))));
        // One node writes it; one starting beside it finds it written.
        Cluster.runAlone(cluster, "alumnos-demo", () -> loadIfAbsent(pupils, directory, cycle));
    }

    static boolean loadIfAbsent(PupilRecords pupils, SchoolDirectory directory, String cycle) {
        if (directory.school(SCHOOL).isEmpty() || !pupils.tallies(List.of(SCHOOL), cycle).isEmpty()) {
            return false;
        }
        pupils.assign(SCHOOL, cycle, SchoolGroup.of(3, "A"), List.of(TEACHER), AUTHOR);
        for (PupilDraft pupil : List.of(
                pupil(3, "Camila Torres (demostración)", Light.ESPERADO, Light.ESPERADO, Light.EN_DESARROLLO, 96,
                        Risk.BAJO, ""),
                pupil(3, "Diego Ramírez (demostración)", Light.REQUIERE_APOYO, Light.REQUIERE_APOYO,
                        Light.EN_DESARROLLO, 71, Risk.ALTO, "Visita a la familia y lectura diaria con una compañera"
                                + " tutora"),
                pupil(3, "Fernanda Gómez (demostración)", Light.EN_DESARROLLO, Light.EN_DESARROLLO, Light.ESPERADO,
                        90, Risk.BAJO, "Rincón de cuentos dos veces por semana"),
                pupil(3, "Iván Morales (demostración)", Light.EN_DESARROLLO, Light.REQUIERE_APOYO,
                        Light.REQUIERE_APOYO, 78, Risk.MEDIO, "Juegos de conteo en casa con material que se le presta"),
                pupil(3, "Regina Castillo (demostración)", Light.ESPERADO, Light.ESPERADO, Light.ESPERADO, 98,
                        Risk.BAJO, ""),
                pupil(2, "Mateo Flores (demostración)", Light.EN_DESARROLLO, Light.EN_DESARROLLO, Light.ESPERADO, 88,
                        Risk.BAJO, ""),
                pupil(2, "Valentina Cruz (demostración)", Light.REQUIERE_APOYO, Light.EN_DESARROLLO,
                        Light.EN_DESARROLLO, 82, Risk.MEDIO, "Acompañamiento de USAER"))) {
            pupils.add(SCHOOL, cycle, pupil, AUTHOR);
        }
        LOG.info("Demo pupils' review {} of {} written", cycle, SCHOOL);
        return true;
    }

    private static PupilDraft pupil(int grade, String name, Light reading, Light writing, Light mathematics,
            int attendance, Risk risk, String support) {
        return new PupilDraft(name, grade, "A", reading, writing, mathematics, attendance, risk, support);
    }
}
