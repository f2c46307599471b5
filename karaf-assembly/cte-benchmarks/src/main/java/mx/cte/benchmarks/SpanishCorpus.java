package mx.cte.benchmarks;

import java.util.List;
import java.util.Random;

/**
 * Realistic Spanish text for generated schools: problem statements, causes, actions and results as preescolar
 * collectives write them, and catalogue resources, combined at random from a seed so that a run is repeatable.
 */
final class SpanishCorpus {

    record Area(String name, List<String> problems) {
    }

    static final List<Area> AREAS = List.of(
            new Area("Lenguaje oral", List.of("no narran sucesos en orden", "les cuesta expresar sus ideas frente al grupo",
                    "usan un vocabulario reducido al describir objetos y láminas", "no esperan su turno para hablar en la asamblea",
                    "no explican cómo resolvieron una tarea", "hablan muy poco con sus compañeros")),
            new Area("Lenguaje escrito", List.of("no reconocen su nombre escrito", "no distinguen letras de números",
                    "no relacionan imágenes con palabras escritas", "no escriben su nombre sin apoyo",
                    "no identifican para qué sirve un recado o un cartel", "muestran poco interés por los libros")),
            new Area("Pensamiento matemático", List.of("no cuentan colecciones mayores a diez",
                    "no comparan colecciones de objetos", "no resuelven problemas de agregar y quitar",
                    "confunden la secuencia numérica", "no reconocen figuras geométricas en su entorno",
                    "no usan los números para registrar cantidades")),
            new Area("Convivencia", List.of("resuelven los conflictos con golpes o gritos", "no respetan los acuerdos del aula",
                    "no comparten los materiales", "excluyen a algunos compañeros del juego",
                    "no reconocen las emociones de los demás")),
            new Area("Participación en clase", List.of("participan poco en las actividades", "se distraen con facilidad",
                    "no concluyen las actividades", "no piden ayuda cuando la necesitan",
                    "dependen de la educadora para iniciar una tarea")));

    static final List<String> SUBJECTS = List.of("Los alumnos", "Nuestros niños", "Varios alumnos de segundo grado",
            "La mitad del grupo", "Los niños de tercer grado", "Algunos alumnos de primer grado", "Muchos de los niños");

    static final List<String> CAUSES = List.of("en casa se conversa poco con ellos", "hay poco tiempo para el juego libre",
            "las actividades son muy dirigidas por la educadora", "faltan materiales concretos para manipular",
            "hay ausentismo frecuente", "los padres trabajan todo el día y hay poco acompañamiento",
            "el grupo es numeroso", "se usa poco la biblioteca de aula", "se dedica mucho tiempo a rutinas administrativas",
            "no se da seguimiento a los avances de cada niño", "las consignas son poco claras",
            "se privilegian las fichas de trabajo sobre el juego");

    static final List<String> ACTIONS = List.of("asamblea diaria para conversar", "lectura en voz alta cada mañana",
            "juegos de conteo con objetos", "rincones de trabajo por áreas", "talleres con madres y padres de familia",
            "registro de avances en el diario de la educadora", "tiendita escolar con monedas de juguete",
            "cuentacuentos por turnos", "acuerdos de convivencia construidos con los niños", "uso del álbum con láminas");

    static final List<String> RESULTS = List.of("mejoró la participación en la asamblea", "avanzan pocos alumnos todavía",
            "aún no se observan avances claros", "los niños esperan su turno con más frecuencia",
            "más de la mitad ya cuenta hasta veinte", "las familias se involucran más");

    static final List<String> RESOURCE_TOPICS = List.of("juegos de conteo", "cuentos para narrar", "canciones y rimas",
            "láminas para describir", "memorama de números", "lotería de palabras", "títeres para dialogar",
            "juegos de reglas", "fichas de figuras geométricas", "bitácora de lectura", "rompecabezas",
            "lectura en voz alta", "dramatización de cuentos", "registro de observación", "acuerdos de convivencia");

    static final List<String> RESOURCE_KINDS = List.of("libro", "lectura", "material-didactico", "sitio", "video",
            "audio", "otro");

    private SpanishCorpus() {
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
