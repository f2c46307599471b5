package mx.cte.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How Spanish text becomes searchable terms. Words are lower-cased, Spanish stop words dropped, accents folded (users
 * type "matematico" for "matemático") and, for searching, reduced by Lucene's light Spanish stemmer (plurals and
 * gender: "lecturas" and "lectura" meet). The unstemmed chain keeps whole words, to show people why two texts match.
 */
final class SpanishAnalysis {

    private static final CharArraySet STOP_WORDS = SpanishAnalyzer.getDefaultStopSet();

    private SpanishAnalysis() {
    }

    static Analyzer stemmed() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new ASCIIFoldingFilter(new StopFilter(new LowerCaseFilter(source), STOP_WORDS));
                return new TokenStreamComponents(source, new SpanishLightStemFilter(words));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new StopFilter(new LowerCaseFilter(source), STOP_WORDS);
                return new TokenStreamComponents(source, words);
            }
        };
    }
}
