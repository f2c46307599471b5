package mx.cte.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** A module's declared first reads: kept when right, left out entry by entry with where the problem is. */
public class FirstReadsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    public void aModulesReadsAreKeptByTypeInTheirOrder() {
        Map<String, List<String>> reads = FirstReads.parse("""
                {"cuadro-resultados": ["/api/v1/results/{escuela}/expected?periodo={periodo}",
                                       "/api/v1/results/{escuela}/coincidences?periodo={periodo}"],
                 "*": ["/api/v1/exchange/{escuela}/activities/{actividad}/texts/{tipo}?sesion={sesion}"]}
                """, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(List.of("/api/v1/results/{escuela}/expected?periodo={periodo}",
                "/api/v1/results/{escuela}/coincidences?periodo={periodo}"), reads.get("cuadro-resultados"));
        assertEquals(1, reads.get("*").size());
    }

    @Test
    public void aWrongEntryIsLeftOutAndSaidWithItsTypeAndPosition() {
        Map<String, List<String>> reads = FirstReads.parse("""
                {"cuadro-resultados": ["/api/v1/results/{escuela}/expected", "https://otro.example/robar",
                                       "/api/v1/results/{alumno}", 3, "/api/v1/x}"],
                 "Mal Tipo": ["/api/v1/a"],
                 "bitacora": "/api/v1/logbook"}
                """, problems::add);
        assertEquals(Map.of("cuadro-resultados", List.of("/api/v1/results/{escuela}/expected")), reads);
        assertEquals(problems.toString(), 6, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("lecturas.json: \"cuadro-resultados\"[1] "
                + "(https://otro.example/robar) must be a path below /api/v1/"));
        assertTrue(problems.get(1), problems.get(1).contains("\"cuadro-resultados\"[2] (/api/v1/results/{alumno}) has"
                + " {alumno}; known: actividad, escuela, periodo, sesion, tipo"));
        assertEquals("lecturas.json: \"cuadro-resultados\"[3] must be a string", problems.get(2));
        assertTrue(problems.get(3), problems.get(3).contains("[4] (/api/v1/x}) has a brace"));
        assertTrue(problems.toString(), problems.contains(
                "lecturas.json: \"Mal Tipo\" is not a product type (a-z, 0-9 and '-') nor '*'"));
        assertTrue(problems.toString(), problems.contains("lecturas.json: \"bitacora\" must be a list of API addresses"));
    }

    @Test
    public void aFileThatIsNotJsonGivesNoReadsAndSaysSo() {
        assertEquals(Map.of(), FirstReads.parse("{\"a\": [", problems::add));
        assertTrue(problems.toString(), problems.get(0).startsWith("lecturas.json is not valid JSON"));
        assertEquals(Map.of(), FirstReads.parse("[]", problems::add));
        assertEquals(2, problems.size());
    }
}
