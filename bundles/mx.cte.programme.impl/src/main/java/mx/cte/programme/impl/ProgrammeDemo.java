package mx.cte.programme.impl;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.Goal;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.programme.api.Objective;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.programme.api.Progress;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo zone's Ruta de Mejora 2016-2017 (the demo session is that year's third): the demo preschool's plan,
 * published, with the follow-up of its third session, written for the demonstration. Only when configured
 * ({@code etc/mx.cte.programme.demo.cfg}), only when the demo school exists and has no programme of that year.
 */
@Component(configurationPid = "mx.cte.programme.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = ProgrammeDemo.Config.class)
public final class ProgrammeDemo {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeDemo.class);
    static final Cct SCHOOL = Cct.parse("15EJN0101A");
    static final String CYCLE = "2016-2017";
    private static final String AUTHOR = "demostracion";

    @ObjectClassDefinition(name = "CTE demo improvement programme")
    public @interface Config {
        @AttributeDefinition(description = "Write the demo school's Ruta de Mejora 2016-2017 when it has none")
        boolean enabled() default false;
    }

    @Activate
    public ProgrammeDemo(@Reference ImprovementProgramme programmes, @Reference SchoolDirectory directory,
            Config config) {
        if (config.enabled()) {
            try {
                loadIfAbsent(programmes, directory);
            } catch (mx.cte.core.api.errors.ConflictException writtenMeanwhile) {
                LOG.info("Demo Ruta de Mejora written by another node meanwhile");
            }
        }
    }

    static void loadIfAbsent(ImprovementProgramme programmes, SchoolDirectory directory) {
        if (directory.school(SCHOOL).isEmpty() || programmes.find(SCHOOL, CYCLE).isPresent()) {
            return;
        }
        Programme saved = programmes.save(SCHOOL, CYCLE, ProgrammeKind.RUTA_DE_MEJORA, content(), 0, AUTHOR);
        programmes.publish(SCHOOL, CYCLE, saved.version(), AUTHOR);
        programmes.followUp(SCHOOL, CYCLE, "a1", "SEP:2016-2017:preescolar:ordinaria-3", Progress.EN_PROCESO,
                "En 2°A y 3°B la mitad de los niños ya narra un suceso con inicio, desarrollo y cierre.",
                "Sumar una ronda los jueves en los grupos de 3°.", 0, AUTHOR);
        programmes.followUp(SCHOOL, CYCLE, "a2", "SEP:2016-2017:preescolar:ordinaria-3", Progress.SIN_INICIAR,
                "La reunión con madres y padres se pasó a diciembre.", "", 0, AUTHOR);
        LOG.info("Demo Ruta de Mejora {} of {} written", CYCLE, SCHOOL);
    }

    /** Written for the demonstration, in the shape of a preschool's Ruta de Mejora of that year. */
    static ProgrammeContent content() {
        return new ProgrammeContent(Map.of(
                "aprendizajes", "En la evaluación diagnóstica, 4 de cada 10 niños de 2° y 3° no narran un suceso en"
                        + " orden ni esperan su turno para hablar; en pensamiento matemático, la mitad cuenta hasta 10"
                        + " sin apoyo.",
                "normalidad-minima", "Se pierden en promedio 25 minutos diarios entre la entrada y el inicio de las"
                        + " actividades.",
                "convivencia", "Hubo 9 conflictos entre niños en el recreo en septiembre."),
                List.of(new Objective("o1", "Incrementar", "el porcentaje de niños de 2° y 3° que narran sucesos con"
                        + " secuencia", "porcentaje de niños", "75", LocalDate.of(2017, 6, 30), List.of("aprendizajes"),
                        List.of(new Goal("m1", "50 % de los niños al cierre del primer periodo de evaluación",
                                LocalDate.of(2016, 12, 16)))),
                        new Objective("o2", "Aprovechar", "el tiempo de la jornada en actividades de aprendizaje",
                                "minutos perdidos al día", "10", LocalDate.of(2017, 3, 31),
                                List.of("normalidad-minima"), List.of())),
                List.of(new Action("a1", "o1", "aprendizajes", "Ronda diaria de narración de 15 minutos en cada grupo",
                        List.of("Educadoras de 2° y 3°"), "Cuentos de la biblioteca de aula", LocalDate.of(2016, 9, 5),
                        LocalDate.of(2017, 6, 30), "Lista de cotejo de narración, una vez al mes"),
                        new Action("a2", "o1", "aprendizajes", "Taller con madres y padres: leer y conversar en casa",
                                List.of("Directora", "Educadora de 3°A"), "Libros del rincón de préstamo",
                                LocalDate.of(2016, 11, 7), LocalDate.of(2017, 2, 24), "Asistencia y préstamos de"
                                + " libros a casa por mes"),
                        new Action("a3", "o2", "normalidad-minima", "Inicio puntual con saludo y actividad de"
                                + " arranque preparada el día anterior", List.of("Todo el colectivo"), "",
                                LocalDate.of(2016, 10, 3), LocalDate.of(2017, 3, 31), "Minutos entre la entrada y la"
                                + " primera actividad, registrados una semana al mes")));
    }
}
