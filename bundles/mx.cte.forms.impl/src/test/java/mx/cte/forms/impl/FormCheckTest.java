package mx.cte.forms.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.guide.api.ProductForm;
import org.junit.Test;

/** What a school may write in each guide-configured product, and how each refusal names its place. */
public class FormCheckTest {

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static FormContent table(List<Map<String, String>> rows) {
        return new FormContent(rows, Map.of(), List.of());
    }

    private static Map<String, String> problems(ProductForm form, String type, FormContent content) {
        InvalidContentException refused = assertThrows(InvalidContentException.class,
                () -> FormCheck.checked(type, form, content));
        return refused.problems().stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::message,
                (a, b) -> a + " | " + b, LinkedHashMap::new));
    }

    @Test
    public void aTableIsStoredInTheGuidesColumnOrderWithEachValueInItsOneSpelling() {
        FormContent stored = FormCheck.checked(ProductForm.TABLE, FormFixtures.PUPILS_TABLE, table(List.of(
                row("avisado", "Si", "desde", "2019-10-25", "sesiones", "3,50", "area", "Lectura", "alumno",
                        "  Luis Pérez "),
                row("alumno", "", "area", ""))));

        assertEquals(List.of(row("alumno", "Luis Pérez", "area", "Lectura", "apoyo", "", "sesiones", "3.5",
                "desde", "2019-10-25", "avisado", "sí")), stored.rows());
        assertEquals(List.of("alumno", "area", "apoyo", "sesiones", "desde", "avisado"),
                List.copyOf(stored.rows().get(0).keySet()));
    }

    @Test
    public void everyWrongValueOfATableIsNamedByRowAndColumnAtOnce() {
        Map<String, String> problems = problems(FormFixtures.PUPILS_TABLE, ProductForm.TABLE, table(List.of(
                row("alumno", "Ana", "area", "Historia", "sesiones", "tres", "desde", "25/10/2019"),
                row("alumno", "", "area", "Lectura", "color", "azul", "avisado", "tal vez"))));

        assertEquals("fila 1: «Área» es una de estas opciones: Lectura, Escritura, Matemáticas; llegó 'Historia'",
                problems.get("filas[0].area"));
        assertEquals("fila 1: «Sesiones de apoyo» es un número, p. ej. 12 o 3.5; llegó 'tres'",
                problems.get("filas[0].sesiones"));
        assertEquals("fila 1: «Desde» es una fecha AAAA-MM-DD, p. ej. 2017-01-27; llegó '25/10/2019'",
                problems.get("filas[0].desde"));
        assertEquals("fila 2: «Alumno» no puede quedar vacío", problems.get("filas[1].alumno"));
        assertEquals("fila 2: la tabla no tiene la columna 'color'", problems.get("filas[1].color"));
        assertEquals("fila 2: «Se avisó a la familia» es sí o no; llegó 'tal vez'",
                problems.get("filas[1].avisado"));
        assertEquals(6, problems.size());
    }

    @Test
    public void aTextOfOneLineRefusesLineBreaksAndInvisibleCharacters() {
        Map<String, String> problems = problems(FormFixtures.PUPILS_TABLE, ProductForm.TABLE, table(List.of(
                row("alumno", "Luis\nPérez", "area", "Lectura"), row("alumno", "Ana\u202E", "area", "Lectura"))));

        assertEquals("fila 1: «Alumno» es de una sola línea", problems.get("filas[0].alumno"));
        assertEquals(true, problems.get("filas[1].alumno").contains("U+202E"));
    }

    @Test
    public void aChecklistTakesOneAnswerPerItemAmongItsLevels() {
        FormContent stored = FormCheck.checked(ProductForm.CHECKLIST, FormFixtures.CLASSROOM_CHECKLIST,
                new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("Sí", " en todas las aulas "),
                        new ItemAnswer("", ""))));
        assertEquals(List.of(new ItemAnswer("Sí", "en todas las aulas"), new ItemAnswer("", "")), stored.answers());

        assertEquals(Map.of("respuestas", "la guía lista 2 elementos; llegaron 1 respuestas (una por elemento, en su"
                + " orden; vacía si aún no se responde)"), problems(FormFixtures.CLASSROOM_CHECKLIST,
                        ProductForm.CHECKLIST, new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("Sí",
                                "")))));
        assertEquals(Map.of("respuestas[1].nivel", "«Los acuerdos están a la vista»: el nivel es uno de No, En"
                + " proceso, Sí; llegó 'Tal vez'"), problems(FormFixtures.CLASSROOM_CHECKLIST,
                        ProductForm.CHECKLIST, new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("No", ""),
                                new ItemAnswer("Tal vez", "")))));
    }

    @Test
    public void aFormTakesItsValuesOnlyAndRequiresWhatItsGuideRequires() {
        FormContent stored = FormCheck.checked(ProductForm.FORM, FormFixtures.VISIT_FORM, new FormContent(List.of(),
                Map.of("fecha", "2019-11-29"), List.of()));
        assertEquals(row("fecha", "2019-11-29", "observaciones", ""), stored.values());

        Map<String, String> problems = problems(FormFixtures.VISIT_FORM, ProductForm.FORM, new FormContent(
                List.of(row("fecha", "2019-11-29")), Map.of("observaciones", "Todo en orden"), List.of()));
        assertEquals("un producto de tipo formulario se llena solo en 'valores'", problems.get("valores"));
        assertEquals("«Fecha de la visita» no puede quedar vacío", problems.get("valores.fecha"));
    }
}
