package mx.cte.itests;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.TextIndex;
import mx.cte.search.api.TextIndexes;
import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Lucene inside OSGi: its codecs and the Spanish analysis load through the search bundle's own class path, and an
 * index written in the container answers a search in Spanish.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SearchIT {

    @Inject
    private BootFinished bootFinished;

    @Inject
    private TextIndexes indexes;

    @Configuration
    public Option[] config() {
        return CteKaraf.distribution();
    }

    @Test
    public void anIndexInTheContainerFindsSpanishWordsInAnyForm() {
        TextIndex index = indexes.open("itest-search");
        index.clear();
        index.putAll(List.of(
                new IndexedDocument("1", Map.of("titulo", "Pensamiento matemático en preescolar"),
                        Map.of("grado", List.of("3"))),
                new IndexedDocument("2", Map.of("titulo", "La lectura en voz alta"), Map.of("grado", List.of("2")))));
        SearchResult found = index.search(new SearchRequest("MATEMATICO", Map.of("titulo", 1f), Map.of(),
                List.of("grado"), 0, 10));
        assertEquals(List.of("1"), found.hits().stream().map(SearchResult.Hit::id).toList());
        assertEquals(List.of(new SearchResult.FacetCount("3", 1)), found.facets().get("grado"));
        assertEquals(List.of("2"), index.search(new SearchRequest("lecturas", Map.of("titulo", 1f), Map.of(),
                List.of(), 0, 10)).hits().stream().map(SearchResult.Hit::id).toList());
    }
}
