package mx.cte.print;

import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.Risk;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import org.junit.Test;

/** A group's pupils' review on paper: the lights in words, so that a black and white printout still says them. */
public class PupilsDocumentTest {

    private static final Cct CCT = new Cct("15DJN0001A");
    private static final School SCHOOL = new School(CCT, "Jardín de Niños Sor Juana Inés de la Cruz", "Toluca",
            Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"), Shift.MATUTINO, false,
            List.of(SchoolGroup.of(3, "A")), 1);

    @Test
    public void eachPupilWithTheLightsInWordsAttendanceRiskAndSupport() throws Exception {
        Pupil sofia = new Pupil(1, CCT, "2019-2020", new PupilDraft("Sofía Ramírez", 3, "A", Light.REQUIERE_APOYO,
                Light.EN_DESARROLLO, Light.ESPERADO, 72, Risk.ALTO, "Lectura diaria con una tutora"), "docente.ana",
                Instant.EPOCH, 2);
        Pupil mateo = new Pupil(2, CCT, "2019-2020", new PupilDraft("Mateo Cruz", 3, "A", null, null, null, null,
                null, ""), "docente.ana", Instant.EPOCH, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PupilsDocument.pdf(out, SCHOOL, "2019-2020", 3, "A", List.of(sofia, mateo), LocalDate.of(2019, 11, 29));
        String text = PdfText.of(out.toByteArray()).replaceAll("\\s+", " ");
        for (String expected : List.of("Alumnos que requieren apoyo · 3° A", "Ciclo escolar 2019-2020 · 2 alumnos",
                "Sofía Ramírez", "Requiere apoyo (rojo)", "En desarrollo (amarillo)", "Nivel esperado (verde)",
                "72 % (baja)", "Alto", "Lectura diaria con una tutora", "Mateo Cruz", "Datos personales de niñas y"
                        + " niños")) {
            assertTrue(expected + " in:\n" + text, text.contains(expected));
        }
    }
}
