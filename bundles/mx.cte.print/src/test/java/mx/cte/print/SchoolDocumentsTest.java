package mx.cte.print;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mx.cte.cards.api.Attribution;
import mx.cte.cards.api.CardComment;
import mx.cte.cards.api.CardDraft;
import mx.cte.cards.api.Challenge;
import mx.cte.cards.api.Decision;
import mx.cte.cards.api.InterventionCard;
import mx.cte.cards.api.Material;
import mx.cte.logbook.api.Agreement;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.results.api.Concentrate;
import mx.cte.results.api.ConcentrateItem;
import mx.cte.results.api.ExpectedResult;
import mx.cte.results.api.ExpectedResultDraft;
import mx.cte.results.api.GroupAssessment;
import mx.cte.results.api.GroupReflection;
import mx.cte.results.api.Period;
import mx.cte.results.api.Progress;
import mx.cte.results.api.Rating;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.Level;
import mx.cte.schools.api.School;
import mx.cte.schools.api.SchoolGroup;
import mx.cte.schools.api.Shift;
import mx.cte.schools.api.ZoneId;
import org.junit.Test;

public class SchoolDocumentsTest {

    private static final Cct CCT = new Cct("15DJN0001A");
    private static final School SCHOOL = new School(CCT, "Jardín de Niños Sor Juana Inés de la Cruz", "Toluca",
            Level.PREESCOLAR, ZoneId.parse("15-preescolar-015"), Shift.MATUTINO, false,
            List.of(new SchoolGroup("A", List.of(2))), 1);
    private static final LocalDate TODAY = LocalDate.of(2016, 11, 25);
    private static final People PEOPLE = new People(java.util.Map.of("director", "Mtra. Rosaura Zapata"));

    private static String text(byte[] pdf) throws IOException {
        return PdfText.of(pdf);
    }

    @Test
    public void concentrateIsAPdfWithTheSchoolAndItsLinesInSpanish() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Concentrate concentrate = new Concentrate(List.of(
                new ConcentrateItem(1, ConcentrateItem.Kind.LOGRO, "Lenguaje y comunicación", List.of(2, 3),
                        "Los niños narran sucesos con secuencia", "Mejorar la lectura", "80 % narra", "Da base", 1),
                new ConcentrateItem(2, ConcentrateItem.Kind.DESAFIO, "Pensamiento matemático", List.of(2),
                        "Resolver problemas de conteo en pequeños grupos", "Aprendizajes clave", "Meta ñ",
                        "Atiende la prioridad", 1)), List.of(), null, null);

        SchoolDocuments.concentrate(out, SCHOOL, new Period("2016-11"), concentrate, List.of(), PEOPLE, TODAY);

        byte[] pdf = out.toByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        String text = text(pdf);
        assertTrue(text, text.contains("Concentrado de la escuela"));
        assertTrue(text, text.contains("Jardín de Niños Sor Juana Inés de la Cruz"));
        assertTrue(text, text.contains("15DJN0001A"));
        assertTrue(text, text.contains("noviembre de 2016"));
        assertTrue(text, text.contains("Desafíos"));
        assertTrue(text, text.contains("Resolver problemas de conteo"));
        assertTrue(text, text.contains("Los niños narran sucesos"));
        assertTrue(text, text.contains("aún no comparte"));
    }

    /** The fill colours (r g b rg) drawn in the page's forms: where the charts are. */
    private static String chartOperators(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder content = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            com.lowagie.text.pdf.PdfDictionary forms = reader.getPageN(page)
                    .getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES).getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT);
            if (forms == null) {
                continue;
            }
            for (com.lowagie.text.pdf.PdfName name : forms.getKeys()) {
                var form = (com.lowagie.text.pdf.PRStream) com.lowagie.text.pdf.PdfReader.getPdfObject(forms.get(name));
                content.append(new String(PdfReader.getStreamBytes(form), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        reader.close();
        return content.toString();
    }

    @Test
    public void concentrateDrawsTheSchoolsTrafficLightByGradeAndAreaWithItsCounts() throws IOException {
        ExpectedResult narrate = new ExpectedResult(3, CCT, new Period("2016-11"), new ExpectedResultDraft(2, "",
                "Lenguaje oral", "Narran sucesos en orden", "", ""), 1);
        ExpectedResult count = new ExpectedResult(4, CCT, new Period("2016-11"), new ExpectedResultDraft(3, "",
                "Pensamiento matemático", "Cuentan hasta 20", "", ""), 1);
        List<mx.cte.results.api.GradeCoincidences> coincidences = List.of(
                new mx.cte.results.api.GradeCoincidences(2, List.of("A", "B"), List.of(
                        new mx.cte.results.api.GradeCoincidences.Convergence(narrate, java.util.Map.of(
                                Progress.LOGRADO, 1, Progress.SIN_AVANCE, 1), List.of(), List.of(), false)), "", null),
                new mx.cte.results.api.GradeCoincidences(3, List.of("A"), List.of(
                        new mx.cte.results.api.GradeCoincidences.Convergence(count, java.util.Map.of(
                                Progress.EN_PROCESO, 1), List.of(), List.of(), true)), "", null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SchoolDocuments.concentrate(out, SCHOOL, new Period("2016-11"), new Concentrate(List.of(), List.of(), null,
                null), coincidences, PEOPLE, TODAY);

        String text = text(out.toByteArray());
        assertTrue(text, text.contains("Semáforo de la escuela"));
        assertTrue(text, text.contains("2.º grado"));
        assertTrue(text, text.contains("Pensamiento matemático"));
        assertTrue(text, text.contains("Logrado"));
        String drawn = chartOperators(out.toByteArray());
        assertTrue("green, yellow and red bars: " + drawn, drawn.matches("(?s).*0 0\\.439\\d* 0\\.235\\d* rg.*"));
        assertTrue(drawn, drawn.matches("(?s).*0\\.709\\d* 0\\.505\\d* 0 rg.*"));
        assertTrue(drawn, drawn.matches("(?s).*0\\.643\\d* 0 0\\.058\\d* rg.*"));
        assertTrue("the axis says per cent", text.contains("100 %") || drawn.contains("(100 %)"));
    }

    @Test
    public void withNoRatingsTheConcentrateSaysSoInsteadOfAnEmptyChart() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SchoolDocuments.concentrate(out, SCHOOL, new Period("2016-11"), new Concentrate(List.of(), List.of(), null,
                null), List.of(), PEOPLE, TODAY);
        assertTrue(text(out.toByteArray()).contains("Aún no hay valoraciones de los grupos en este periodo."));
        assertFalse(chartOperators(out.toByteArray()).contains(" rg"));
    }

    @Test
    public void unsavedConcentratePrintsTheProposalSayingSo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Concentrate concentrate = new Concentrate(List.of(), List.of(new ConcentrateItem(0,
                ConcentrateItem.Kind.DESAFIO, "Exploración", List.of(1), "Observar fenómenos", "", "", "", 0)),
                Instant.parse("2016-11-25T18:00:00Z"), "director");

        SchoolDocuments.concentrate(out, SCHOOL, new Period("2016-2017-b2"), concentrate, List.of(), PEOPLE, TODAY);

        String text = text(out.toByteArray());
        assertTrue(text, text.contains("propuesta calculada"));
        assertTrue(text, text.contains("Observar fenómenos"));
        assertTrue(text, text.contains("Sin logros registrados"));
        assertTrue(text, text.contains("Compartido con la supervisión por Mtra. Rosaura Zapata el 25 de noviembre de 2016"));
    }

    @Test
    public void cardsCarryTheirContentCommentsAndDecision() throws IOException {
        CardDraft draft = new CardDraft("2016-11", "SEP:2016-2017:preescolar:ordinaria-3",
                List.of(new Challenge(2, "Resolver problemas de conteo")), "La tiendita", "Juego de compra y venta",
                "Contar monedas", "Feria de la tiendita", List.of(new Material(0, "Monedas de cartón")),
                "Apoyo visual", "Lista de cotejo", List.of(2), List.of("A"), 3, List.of("maestra.ana"));
        InterventionCard card = new InterventionCard(7, CCT, draft, Decision.values()[1], "Se incorpora",
                List.of(new CardComment(1, true, "Agregar dados", "director", Instant.EPOCH)), List.of(), "maestra.ana",
                Instant.EPOCH, new Attribution(new Cct("15DJN0002B"), 3, "Otra escuela"), 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SchoolDocuments.cards(out, SCHOOL, "2016-11", List.of(card), PEOPLE, TODAY);

        String text = text(out.toByteArray());
        assertTrue(text, text.contains("Ficha 7: La tiendita"));
        assertTrue(text, text.contains("Monedas de cartón"));
        assertTrue(text, text.contains("Sugerencia de Mtra. Rosaura Zapata"));
        assertTrue(text, text.contains("3 semanas"));
        assertTrue(text, text.contains("15DJN0002B"));
        assertTrue(text, text.contains(Decision.values()[1].title()));
    }

    @Test
    public void logbookListsTheSessionAgreements() throws IOException {
        Agreement agreement = new Agreement(4, CCT, new AgreementDraft("SEP:2016-2017:preescolar:ordinaria-3", 13,
                "Revisar la ficha en la próxima sesión", List.of("director"), "Llevar evidencias",
                LocalDate.of(2016, 12, 9), AgreementStatus.EN_CURSO), "director", Instant.EPOCH, "director",
                Instant.EPOCH, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        mx.cte.evidence.api.EvidenceOwner ofAgreement = new mx.cte.evidence.api.EvidenceOwner("acuerdo", "4");
        SchoolDocuments.logbook(out, SCHOOL, "SEP:2016-2017:preescolar:ordinaria-3", List.of(agreement), PEOPLE,
                TODAY, owner -> owner.equals(ofAgreement) ? List.of(new mx.cte.evidence.api.EvidenceFile(
                        new mx.cte.evidence.api.Evidence(9, CCT, owner, "firma.pdf", "Lista de firmas",
                                "application/pdf", 10, 0, 0, 10, "director", Instant.EPOCH), new byte[10]))
                        : List.of());

        String text = text(out.toByteArray());
        assertTrue(text, text.contains("Cuaderno de Bitácora"));
        assertTrue(text, text.contains("Revisar la ficha en la próxima sesión"));
        assertTrue("dates as people write them: " + text, text.replaceAll("\\s+", " ")
                .contains("9 de diciembre de 2016"));
        assertTrue("names, not login ids: " + text, text.contains("Mtra. Rosaura Zapata"));
        assertFalse(text, text.contains("2016-12-09"));
        assertTrue(text, text.contains("En curso"));
        assertTrue(text, text.contains("Evidencias del acuerdo «Revisar la ficha en la próxima sesión»")
                && text.contains("Documento adjunto: firma.pdf (Lista de firmas)"));
    }

    /** The text of a workbook's sheets and its strings, read through the file's directory as spreadsheets do. */
    private static String workbookText(byte[] xlsx) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("cte", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        StringBuilder text = new StringBuilder();
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().equals("xl/sharedStrings.xml") || entry.getName().startsWith("xl/worksheets/")) {
                    try (var in = zip.getInputStream(entry)) {
                        text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // The workbook writes accents as character references (&#xf3;): read them as the letters they are.
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    @Test
    public void theResultsTableAndTheLogbookAreWorkbooksTooWithTextNeverAFormula() throws IOException {
        ExpectedResult result = new ExpectedResult(3, CCT, new Period("2016-11"), new ExpectedResultDraft(2, "",
                "Pensamiento matemático", "=HYPERLINK(\"http://x\")", "Objetivo", "Meta"), 1);
        GroupAssessment group = new GroupAssessment(2, "A", List.of(new GroupAssessment.AssessedResult(result,
                new Rating(3, "A", Progress.EN_PROCESO, true, "Faltó práctica", "maestra.ana", 1))),
                new GroupReflection("", "", "", "", 0), List.of());
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        ResultsTableCsv.writeXlsx(results, List.of(group));
        assertEquals("PK", new String(results.toByteArray(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        String sheet = workbookText(results.toByteArray());
        assertTrue(sheet, sheet.contains("Resultado esperado") && sheet.contains("En proceso")
                && sheet.contains("Amarillo"));
        assertTrue("typed text stays text: " + sheet, sheet.contains("=HYPERLINK") && !sheet.contains("<f>"));

        Agreement agreement = new Agreement(4, CCT, new AgreementDraft("SEP:2016-2017:preescolar:ordinaria-3", 13,
                "Revisar la ficha", List.of("director"), "", LocalDate.of(2016, 12, 9), AgreementStatus.EN_CURSO),
                "director", Instant.EPOCH, "director", Instant.EPOCH, 1);
        ByteArrayOutputStream logbook = new ByteArrayOutputStream();
        SchoolDocuments.logbookSheet(logbook, List.of(agreement), PEOPLE);
        String book = workbookText(logbook.toByteArray());
        assertTrue(book, book.contains("Mtra. Rosaura Zapata") && book.contains("9 de diciembre de 2016")
                && book.contains("En curso"));
    }

    @Test
    public void theConcentrateAndTheCardsAreWorkbooksTooInSpanishWordsAndNames() throws IOException {
        ByteArrayOutputStream concentrate = new ByteArrayOutputStream();
        SchoolDocuments.concentrateSheet(concentrate, new Concentrate(List.of(), List.of(new ConcentrateItem(0,
                ConcentrateItem.Kind.DESAFIO, "Exploración", List.of(1, 2), "Observar fenómenos", "", "", "", 0)),
                null, null));
        String lines = workbookText(concentrate.toByteArray());
        assertTrue(lines, lines.contains("Desafío (propuesta calculada)") && lines.contains("Observar fenómenos")
                && lines.contains("1°, 2°") && lines.contains("Cómo contribuye a la Ruta de Mejora"));

        CardDraft draft = new CardDraft("2016-11", "SEP:2016-2017:preescolar:ordinaria-3",
                List.of(new Challenge(0, "Resolver problemas de conteo")), "La tiendita", "",
                "Contar monedas", "Feria de la tiendita", List.of(new Material(0, "Monedas de cartón")),
                "", "", List.of(2), List.of("A"), 3, List.of("director"));
        InterventionCard card = new InterventionCard(7, CCT, draft, Decision.ESTRATEGIA_GLOBAL, "Se incorpora",
                List.of(new CardComment(1, true, "Agregar dados", "director", Instant.EPOCH)), List.of(), "maestra.ana",
                Instant.EPOCH, null, 2);
        ByteArrayOutputStream cards = new ByteArrayOutputStream();
        SchoolDocuments.cardsSheet(cards, List.of(card), PEOPLE);
        String sheet = workbookText(cards.toByteArray());
        assertTrue(sheet, sheet.contains("La tiendita") && sheet.contains("Monedas de cartón")
                && sheet.contains(Decision.ESTRATEGIA_GLOBAL.title() + ": Se incorpora")
                && sheet.contains("Resolver problemas de conteo"));
        assertTrue("responsibles by name: " + sheet, sheet.contains("Mtra. Rosaura Zapata"));
    }

    @Test
    public void aStatesResultsAreAWorkbookOfZonesAreasAndGrades() throws IOException {
        mx.cte.results.api.Tally tally = new mx.cte.results.api.Tally(4, 2, 1);
        mx.cte.results.api.Rollup rollup = new mx.cte.results.api.Rollup("15", new Period("2016-11"),
                List.of(new mx.cte.results.api.Rollup.Unit("15-preescolar-015", "Zona 15 de Toluca", 3, 12,
                        java.util.Map.of("Convivencia", tally), tally)),
                java.util.Map.of("Convivencia", tally), java.util.Map.of(3, tally), tally);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SchoolDocuments.rollupSheet(out, rollup, true);
        String book = workbookText(out.toByteArray());
        assertTrue(book, book.contains("Zona 15 de Toluca") && book.contains("Compartieron su análisis")
                && book.contains("Convivencia") && book.contains("3°") && book.contains("Sin avance"));
        assertTrue("three sheets: zones, by area, by grade", book.split("<worksheet").length - 1 == 3);
    }

    @Test
    public void resultsCsvHasARowPerResultAndGroupAndDefusesFormulas() throws IOException {
        ExpectedResult result = new ExpectedResult(3, CCT, new Period("2016-11"), new ExpectedResultDraft(2, "",
                "Pensamiento matemático", "=HYPERLINK(\"http://x\")", "Objetivo", "Meta"), 1);
        ExpectedResult unrated = new ExpectedResult(4, CCT, new Period("2016-11"), new ExpectedResultDraft(2, "A",
                "Lenguaje", "Narra, con secuencia", "", ""), 1);
        GroupAssessment group = new GroupAssessment(2, "A", List.of(
                new GroupAssessment.AssessedResult(result, new Rating(3, "A", Progress.EN_PROCESO, true,
                        "Faltó práctica", "maestra.ana", 1)),
                new GroupAssessment.AssessedResult(unrated, null)),
                new GroupReflection("", "", "", "", 0), List.of());
        StringWriter out = new StringWriter();

        ResultsTableCsv.write(out, List.of(group));

        String[] lines = out.toString().split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0], lines[0].startsWith("\uFEFFGrado,Grupo,Área,Resultado esperado,Avance,Semáforo"));
        assertEquals("2,A,Pensamiento matemático,\"'=HYPERLINK(\"\"http://x\"\")\",En proceso,Amarillo,sí,"
                + "Faltó práctica,Objetivo,Meta", lines[1]);
        assertEquals("2,A,Lenguaje,\"Narra, con secuencia\",Sin valorar,,no,,,", lines[2]);
        assertFalse(out.toString().contains(",=HYPERLINK"));
    }
}
