package mx.cte.print;

import com.lowagie.text.pdf.PdfPTable;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import mx.cte.pupils.api.Light;
import mx.cte.pupils.api.Pupil;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.pupils.api.PupilRecords;
import mx.cte.schools.api.School;

/**
 * One group's pupils' review on paper, for the collective's session and the teacher's file: each pupil with the
 * lights as words (a printout is often black and white), attendance, risk and the support agreed. Personal data of
 * minors: the footer says so, and the caller audits the export.
 */
final class PupilsDocument {

    private PupilsDocument() {
    }

    static void pdf(OutputStream out, School school, String cycle, int grade, String group, List<Pupil> pupils,
            LocalDate printedOn) {
        PdfLayout pdf = PdfLayout.open(out, true, "Alumnos que requieren apoyo · " + grade + "° " + group, school,
                "Ciclo escolar " + cycle + " · " + pupils.size() + (pupils.size() == 1 ? " alumno" : " alumnos"),
                printedOn);
        PdfPTable table = PdfLayout.table(new float[] {4, 2.2f, 2.2f, 2.2f, 1.4f, 1.2f, 5}, "Alumno", "Lectura",
                "Escritura", "Matemáticas", "Asistencia", "Riesgo", "Apoyo acordado");
        for (Pupil pupil : pupils) {
            PupilDraft p = pupil.content();
            PdfLayout.cell(table, p.name());
            PdfLayout.cell(table, light(p.reading()));
            PdfLayout.cell(table, light(p.writing()));
            PdfLayout.cell(table, light(p.mathematics()));
            PdfLayout.cell(table, p.attendance() == null ? "" : p.attendance() + " %"
                    + (p.attendance() < PupilRecords.LOW_ATTENDANCE ? " (baja)" : ""));
            PdfLayout.cell(table, p.risk() == null ? "" : p.risk().title());
            PdfLayout.cell(table, p.support());
        }
        if (pupils.isEmpty()) {
            pdf.note("El grupo no tiene alumnos registrados en este ciclo.");
        } else {
            pdf.add(table);
        }
        pdf.note("Datos personales de niñas y niños (LGPDPPSO): para la dirección y los docentes del grupo. Guarde"
                + " este documento bajo resguardo y destrúyalo cuando ya no se necesite.");
        pdf.close();
    }

    /** "Requiere apoyo (rojo)", or empty while not assessed. */
    static String light(Light light) {
        return light == null ? "" : light.title() + " (" + light.colour() + ")";
    }
}
