package mx.cte.search.lucene;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.SimilarDocument;
import mx.cte.search.api.TextIndex;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class LuceneTextIndexTest {

    private static final Map<String, Float> FIELDS = Map.of("titulo", 3f, "descripcion", 1f);

    private Path folder;
    private LuceneTextIndexes indexes;
    private TextIndex index;

    @Before
    public void open() throws Exception {
        folder = Files.createTempDirectory("cte-search");
        indexes = new LuceneTextIndexes(folder);
        index = indexes.open("catalogue");
        index.putAll(List.of(
                resource("1", "Juegos de Pensamiento Matemático", "Conteo y comparación de colecciones",
                        "a", "3", "Pensamiento matemático"),
                resource("2", "La lectura en voz alta en el aula", "Estrategias para leer cuentos a los niños",
                        "a", "2", "Lenguaje oral"),
                resource("3", "Mi álbum. Preescolar", "Láminas para conversar y narrar", "b", "1", "Lenguaje oral"),
                resource("4", "Registro de observación", "Instrumento para el seguimiento de la lectura",
                        "c", "2", "Lenguaje escrito")));
    }

    @After
    public void close() throws Exception {
        indexes.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static IndexedDocument resource(String id, String title, String description, String criterion,
            String grade, String area) {
        return new IndexedDocument(id, Map.of("titulo", title, "descripcion", description),
                Map.of("criterio", List.of(criterion), "grado", List.of(grade), "area", List.of(area),
                        "owner", List.of("15EJN0101A")));
    }

    private List<String> ids(String text, Map<String, List<String>> filters) {
        return index.search(new SearchRequest(text, FIELDS, filters, List.of(), 0, 10)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    @Test
    public void spanishSearchIgnoresAccentsCaseAndPluralsAndRanksTitlesFirst() {
        assertEquals(List.of("1"), ids("matematico", Map.of()));
        assertEquals(List.of("1"), ids("MATEMÁTICAS", Map.of()));
        List<String> readings = ids("lecturas", Map.of());
        assertEquals("the title match first", List.of("2", "4"), readings);
        assertEquals("every word must match", List.of("2"), ids("lecturas cuentos", Map.of()));
        assertEquals("stop words alone are no query", 4, ids("de la", Map.of()).size());
        assertEquals(List.of(), ids("geografía", Map.of()));
    }

    @Test
    public void aSearchRepeatedAfterTheIndexChangedFindsWhatChanged() {
        SearchRequest readings = new SearchRequest("lectura", FIELDS, Map.of("owner", List.of("15EJN0101A")),
                List.of("area"), 0, 10);
        SearchResult first = index.search(readings);
        assertEquals(2, first.total());
        assertEquals("the same request on the same index, the same answer", first, index.search(readings));

        index.put(resource("5", "Lectura de imágenes", "Describir lo que se ve", "a", "1", "Lenguaje oral"));
        SearchResult afterAdding = index.search(readings);
        assertEquals(3, afterAdding.total());
        assertTrue(afterAdding.facets().get("area").contains(new SearchResult.FacetCount("Lenguaje oral", 2)));

        index.delete("2");
        assertEquals(List.of("5", "4"), index.search(readings).hits().stream().map(SearchResult.Hit::id).toList());
    }

    @Test
    public void filtersNarrowAndFacetsCountOverAllMatches() {
        assertEquals(List.of("4"), ids("lectura", Map.of("criterio", List.of("c"))));
        assertEquals(List.of("2", "4"), ids("lectura", Map.of("grado", List.of("2", "3"))));
        SearchResult all = index.search(new SearchRequest("", FIELDS, Map.of(), List.of("criterio", "area", "otro"),
                0, 2));
        assertEquals(4, all.total());
        assertEquals("one page", 2, all.hits().size());
        assertEquals(List.of(new SearchResult.FacetCount("a", 2), new SearchResult.FacetCount("b", 1),
                new SearchResult.FacetCount("c", 1)), all.facets().get("criterio"));
        assertEquals(new SearchResult.FacetCount("Lenguaje oral", 2), all.facets().get("area").get(0));
        assertEquals("a field never indexed counts nothing", List.of(), all.facets().get("otro"));
    }

    @Test
    public void documentsAreReplacedDeletedAndKeptAcrossReopening() throws Exception {
        index.put(resource("1", "Juegos con números", "Conteo", "a", "3", "Pensamiento matemático"));
        assertEquals(List.of(), ids("matematico", Map.of()).stream().filter(id -> !id.equals("1")).toList());
        assertEquals(List.of("1"), ids("numeros", Map.of()));
        index.delete("3");
        index.deleteWhere("criterio", "c");
        assertEquals(2, index.count());
        indexes.close();
        indexes = new LuceneTextIndexes(folder);
        index = indexes.open("catalogue");
        assertEquals("what was written is still there", 2, index.count());
        index.clear();
        assertEquals(0, index.count());
    }

    @Test
    public void similarDocumentsComeWithTheWordsTheyShare() {
        TextIndex problems = indexes.open("problems");
        problems.putAll(List.of(
                problem("A", "Los alumnos no narran sucesos en orden y les cuesta la expresión oral", "zona-1"),
                problem("B", "Nuestros alumnos tienen dificultad para narrar sucesos en orden; poca expresión oral",
                        "zona-1"),
                problem("C", "Los niños no cuentan colecciones mayores a diez", "zona-1"),
                problem("D", "Los alumnos no narran sucesos en orden", "zona-2")));
        List<SimilarDocument> similar = problems.similar("A", List.of("problema"), Map.of("zona", List.of("zona-1")),
                5);
        assertEquals("the closest of the zone first; another zone is filtered out", "B", similar.get(0).id());
        assertTrue(similar.get(0).score() > 0.3);
        assertTrue(similar.get(0).sharedWords().toString(), similar.get(0).sharedWords().containsAll(
                List.of("sucesos", "orden", "expresión", "oral")));
        assertTrue(similar.stream().noneMatch(s -> s.id().equals("A") || s.id().equals("D")));
        similar.stream().filter(s -> s.id().equals("C")).findFirst()
                .ifPresent(c -> assertTrue("little in common", c.score() < similar.get(0).score()));
    }

    private static IndexedDocument problem(String id, String text, String zone) {
        return new IndexedDocument(id, Map.of("problema", text), Map.of("zona", List.of(zone)));
    }
}
