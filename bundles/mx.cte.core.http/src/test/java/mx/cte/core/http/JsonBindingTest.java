package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class JsonBindingTest {

    record Material(@JsonBinding.Member("titulo") String title, @JsonBinding.Member(value = "paginas",
            optional = true) Integer pages) {
    }

    record Draft(@JsonBinding.Member("sesion") String session,
            @JsonBinding.Member(value = "actividad", optional = true) Integer activity,
            @JsonBinding.Member(value = "responsables", optional = true) List<String> responsibles,
            @JsonBinding.Member(value = "fechaLimite", optional = true) LocalDate deadline,
            @JsonBinding.Member(value = "materiales", optional = true) List<Material> materials,
            long version, @JsonBinding.Member(value = "urgente", optional = true) boolean urgent) {
    }

    record Checked(@JsonBinding.Member("grado") int grade) {
        Checked {
            if (grade < 1 || grade > 6) {
                throw new IllegalArgumentException("El grado debe estar entre 1 y 6.");
            }
        }
    }

    record Groups(@JsonBinding.Member("grupos") List<List<String>> groups) {
    }

    @Test
    public void listsOfListsNameTheInnerElementAtFault() {
        assertEquals(List.of(List.of("a", "b"), List.of("c")),
                JsonBinding.bind(json("{\"grupos\":[[\"a\",\"b\"],[\"c\"]]}"), Groups.class).groups());
        refused("{\"grupos\":[[\"a\"],[\"b\",3]]}", Groups.class, "grupos[1][1]",
                "El campo 'grupos[1][1]' debe ser texto.");
        refused("{\"grupos\":[\"a\"]}", Groups.class, "grupos[0]", "El campo 'grupos[0]' debe ser una lista ([…]).");
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    public void bindsEveryKindOfMemberByItsWireName() {
        Draft draft = JsonBinding.bind(json("{\"sesion\":\"3\",\"actividad\":4,\"responsables\":[\"ana\",\"luis\"],"
                + "\"fechaLimite\":\"2017-01-27\",\"materiales\":[{\"titulo\":\"Lectura\",\"paginas\":12}],"
                + "\"version\":3,\"urgente\":true,\"desconocido\":1}"), Draft.class);
        assertEquals(new Draft("3", 4, List.of("ana", "luis"), LocalDate.of(2017, 1, 27),
                List.of(new Material("Lectura", 12)), 3, true), draft);
    }

    @Test
    public void absentOptionalMembersAreNullEmptyOrZero() {
        Draft draft = JsonBinding.bind(json("{\"sesion\":\"3\",\"actividad\":null,\"version\":0}"), Draft.class);
        assertNull(draft.activity());
        assertNull(draft.deadline());
        assertEquals(List.of(), draft.responsibles());
        assertEquals(false, draft.urgent());
    }

    private static void refused(String body, Class<? extends Record> type, String field, String detail) {
        try {
            JsonBinding.bind(json(body), type);
            fail("bound " + body);
        } catch (ProblemException problem) {
            assertEquals(400, problem.status());
            assertEquals(field, problem.field().orElse(null));
            assertEquals(detail, problem.detail());
        }
    }

    @Test
    public void eachMistakeNamesTheMemberAtFault() {
        refused("{\"version\":1}", Draft.class, "sesion", "Falta el campo 'sesion'.");
        refused("{\"sesion\":3,\"version\":1}", Draft.class, "sesion", "El campo 'sesion' debe ser texto.");
        refused("{\"sesion\":\"3\",\"version\":1.5}", Draft.class, "version",
                "El campo 'version' debe ser un número entero.");
        refused("{\"sesion\":\"3\",\"version\":1,\"actividad\":99999999999}", Draft.class, "actividad",
                "El campo 'actividad' debe ser un número entero de a lo más diez cifras.");
        refused("{\"sesion\":\"3\",\"version\":1,\"fechaLimite\":\"27/01/2017\"}", Draft.class, "fechaLimite",
                "El campo 'fechaLimite' debe ser una fecha AAAA-MM-DD.");
        refused("{\"sesion\":\"3\",\"version\":1,\"responsables\":\"ana\"}", Draft.class, "responsables",
                "El campo 'responsables' debe ser una lista ([…]).");
        refused("{\"sesion\":\"3\",\"version\":1,\"responsables\":[\"ana\",null]}", Draft.class, "responsables[1]",
                "El elemento 'responsables[1]' está vacío (null).");
        refused("{\"sesion\":\"3\",\"version\":1,\"materiales\":[{\"titulo\":\"a\"},{\"paginas\":2}]}", Draft.class,
                "materiales[1].titulo", "Falta el campo 'materiales[1].titulo'.");
        refused("{\"sesion\":\"3\",\"version\":1,\"urgente\":\"sí\"}", Draft.class, "urgente",
                "El campo 'urgente' debe ser true o false.");
    }

    @Test
    public void aRecordThatValidatesItselfRefusesWithItsOwnMessage() {
        refused("{\"grado\":9}", Checked.class, null, "El grado debe estar entre 1 y 6.");
        assertEquals(2, JsonBinding.bind(json("{\"grado\":2}"), Checked.class).grade());
    }
}
