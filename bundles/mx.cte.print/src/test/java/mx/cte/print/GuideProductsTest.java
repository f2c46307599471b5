package mx.cte.print;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cte.evidence.api.Evidence;
import mx.cte.evidence.api.EvidenceFile;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.FieldKind;
import mx.cte.guide.api.FormField;
import mx.cte.guide.api.ProductForm;
import mx.cte.guide.api.ProductRef;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import org.junit.Test;

/** The products a guide lays out, as a school prints them and opens them in a spreadsheet. */
public class GuideProductsTest {

    private static final Cct CCT = new Cct("15DJN0001A");
    private static final School SCHOOL = new School(CCT, "Jardín de Niños Sor Juana Inés de la Cruz", "Toluca",
            Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"), Shift.MATUTINO, false,
            List.of(new SchoolGroup("A", List.of(2))), 1);
    private static final String SESSION = "SEP:2019-2020:preescolar:ordinaria-2";
    private static final People PEOPLE = new People(Map.of("director", "Mtra. Rosaura Zapata"));
    private static final ProductRef TABLE = new ProductRef(ProductForm.TABLE, "Alumnos que requieren apoyo", "",
            false, new ProductForm(List.of(new FormField("alumno", "Alumno", FieldKind.TEXT, List.of(), true),
                    new FormField("apoyo", "Apoyo acordado", FieldKind.LONG_TEXT, List.of(), false)),
                    List.of(), List.of()));
    private static final ProductRef RUBRIC = new ProductRef(ProductForm.RUBRIC, "Rúbrica de la planeación", "", false,
            new ProductForm(List.of(), List.of("Claridad de los propósitos", "Uso de materiales"),
                    List.of("Inicial", "En desarrollo", "Logrado")));

    private static FilledForm filled(int activity, String type, FormContent content) {
        return new FilledForm(new ProductPlace(CCT, SESSION, activity, type), content, "director",
                Instant.parse("2019-10-25T18:00:00Z"), 1);
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static final GuideProducts.Printed PUPILS = new GuideProducts.Printed(filled(2, ProductForm.TABLE,
            new FormContent(List.of(row("alumno", "Sofía Ramírez", "apoyo", "Lectura diaria con su familia"),
                    row("alumno", "Mateo Cruz", "apoyo", "")), Map.of(), List.of())), TABLE);
    private static final GuideProducts.Printed PLANNING = new GuideProducts.Printed(filled(4, ProductForm.RUBRIC,
            new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("Logrado", "Claros para todos"),
                    new ItemAnswer("", "")))), RUBRIC);

    @Test
    public void eachProductIsAGridOfItsGuidesHeadersAndTheSchoolsValues() {
        assertEquals(new GuideProducts.Grid(List.of("Alumno", "Apoyo acordado"), List.of(
                List.of("Sofía Ramírez", "Lectura diaria con su familia"), List.of("Mateo Cruz", ""))),
                GuideProducts.grid(PUPILS));
        assertEquals(new GuideProducts.Grid(List.of("Criterio", "Nivel", "Comentario"), List.of(
                List.of("Claridad de los propósitos", "Logrado", "Claros para todos"),
                List.of("Uso de materiales", "", ""))), GuideProducts.grid(PLANNING));
        GuideProducts.Printed visit = new GuideProducts.Printed(filled(3, ProductForm.FORM, new FormContent(List.of(),
                row("fecha", "2019-11-29"), List.of())), null);
        assertEquals("without its guide, the stored names", new GuideProducts.Grid(List.of("Campo", "Valor"),
                List.of(List.of("fecha", "2019-11-29"))), GuideProducts.grid(visit));
        assertEquals("Actividad 3. Formulario", visit.title());
    }

    @Test
    public void thePrintedProductsShowEveryValueAndWhoSavedThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] photo = photo();
        GuideProducts.pdf(out, SCHOOL, SESSION, List.of(PUPILS, PLANNING), PEOPLE, LocalDate.of(2019, 10, 25),
                owner -> owner.equals(EvidenceOwner.product(SESSION, 2, ProductForm.TABLE)) ? List.of(
                        new EvidenceFile(new Evidence(1, CCT, owner, "IMG_1.JPG", "La tabla en el pizarrón",
                                "image/jpeg", photo.length, 320, 200, photo.length, "director", Instant.EPOCH), photo),
                        new EvidenceFile(new Evidence(2, CCT, owner, "lista.pdf", "", "application/pdf", 10, 0, 0, 10,
                                "director", Instant.EPOCH), new byte[10])) : List.of());

        String printed = PdfText.of(out.toByteArray());
        assertTrue("the photo is in the document", new String(out.toByteArray(),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains("/DCTDecode"));
        for (String expected : List.of("Productos de la sesión", "Actividad 2. Alumnos que requieren apoyo",
                "Sofía Ramírez", "Lectura diaria con su familia", "Mateo Cruz", "Actividad 4. Rúbrica de la planeación",
                "Claridad de los propósitos", "Claros para todos", "Guardado por Mtra. Rosaura Zapata",
                "La tabla en el pizarrón", "Documento adjunto: lista.pdf")) {
            assertTrue(expected + " in:\n" + printed, printed.contains(expected));
        }
    }

    private static byte[] photo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(320, 200, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "jpg", out);
        return out.toByteArray();
    }

    @Test
    public void theWorkbookHasASheetPerProductNamedAsExcelAccepts() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GuideProducts.workbook(out, List.of(PUPILS, PLANNING));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("productos", ".xlsx");
        int sheets = 0;
        String workbook;
        String strings;
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                sheets = (int) zip.stream().filter(e -> e.getName().startsWith("xl/worksheets/sheet")).count();
                workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                strings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertTrue(workbook, workbook.contains("name=\"Actividad 2. Alumnos que requie\""));
        assertTrue(strings, strings.contains("Lectura diaria con su familia") && strings.contains("Claros para todos"));
        assertEquals(2, sheets);

        Set<String> taken = new HashSet<>();
        assertEquals("Actividad 2. Alumnos que requie", GuideProducts.sheetName(
                "Actividad 2. Alumnos que requieren apoyo", taken));
        assertEquals("Actividad 2. Alumnos que re (2)", GuideProducts.sheetName(
                "Actividad 2. Alumnos que requieren apoyo [bis]", taken));
        assertEquals("Actividad 5. Sí No", GuideProducts.sheetName("Actividad 5. Sí/No", taken));
    }
}
