package mx.cte.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mx.cte.search.api.IndexedDocument;
import mx.cte.search.api.SearchRequest;
import mx.cte.search.api.SearchResult;
import mx.cte.search.api.SimilarDocument;
import mx.cte.search.api.TextIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One index on disk. Text fields are indexed twice: stemmed under their name (what searches and similarity use) and as
 * whole words under {@code name__w} (to tell people which words two texts share). Keyword fields are indexed as exact
 * terms under {@code k.name} for filters and as sorted-set doc values for facet counts.
 */
final class LuceneTextIndex implements TextIndex {

    private static final String ID = "_id";
    private static final String WORDS = "__w";
    private static final String KEYWORD = "k.";
    /** Commit data: the position in the shared change log this index reflects. */
    private static final String FOLLOWED = "cte.followed";
    private static final FieldType TEXT = textType();
    /** How many of a document's heaviest terms look for its candidates: the distinctive ones, not the common words. */
    private static final int MAX_QUERY_TERMS = 12;

    private final NIOFSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Bumped after every commit is visible to searches (see {@link #generation()}). */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final FacetsConfig facets = new FacetsConfig();
    private final Analyzer analyzer;
    private volatile FacetState facetState;

    /** Facet ordinals are worked out once per reader, not once per search. */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /** How many answers one reader keeps; about 2-3 KB each (a page of ids and four facets' counts). */
    static final int KEPT_ANSWERS = 2048;

    /**
     * The answers of one reader: the same request on the same reader finds the same, so a search repeated (the staff
     * of a school opening the materials their session points at, within minutes of each other) is answered without
     * searching again. Every change to the index opens a new reader, and with it an empty set of answers.
     */
    private record Answers(IndexReader reader, Map<SearchRequest, SearchResult> byRequest) {
    }

    private volatile Answers answers;

    LuceneTextIndex(Path path) throws IOException {
        Analyzer stemmed = SpanishAnalysis.stemmed();
        Analyzer words = SpanishAnalysis.words();
        analyzer = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return fieldName.endsWith(WORDS) ? words : stemmed;
            }
        };
        directory = new NIOFSDirectory(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, new SearcherFactory());
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    // ---------------------------------------------------------------- writes

    private Document document(IndexedDocument source) {
        Document document = new Document();
        document.add(new StringField(ID, source.id(), Field.Store.YES));
        source.texts().forEach((name, text) -> {
            if (text != null && !text.isBlank()) {
                document.add(new Field(name, text, TEXT));
                document.add(new Field(name + WORDS, text, TEXT));
            }
        });
        source.keywords().forEach((name, values) -> {
            synchronized (facets) {
                facets.setMultiValued(name, true);
            }
            for (String value : values) {
                if (value != null && !value.isEmpty()) {
                    document.add(new StringField(KEYWORD + name, value, Field.Store.NO));
                    document.add(new SortedSetDocValuesFacetField(name, value));
                }
            }
        });
        try {
            synchronized (facets) {
                return facets.build(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public void put(IndexedDocument document) {
        putAll(List.of(document));
    }

    /**
     * Applies changes other nodes logged (and this node's own, again, so the log's order decides) in one commit that
     * also records how far the log was followed, so a restart resumes there.
     */
    void apply(List<IndexChange> changes, String followed) {
        try {
            for (IndexChange change : changes) {
                switch (change.operation()) {
                    case PUT -> {
                        for (IndexedDocument document : change.documents()) {
                            writer.updateDocument(new Term(ID, document.id()), document(document));
                        }
                    }
                    case DELETE -> writer.deleteDocuments(new Term(ID, change.id()));
                    case DELETE_WHERE -> writer.deleteDocuments(new Term(KEYWORD + change.field(), change.value()));
                }
            }
            writer.setLiveCommitData(Map.of(FOLLOWED, followed).entrySet());
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far this index followed the shared change log, as {@link #apply} recorded it; empty when never. */
    String followed() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (FOLLOWED.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return "";
    }

    @Override
    public void putAll(Collection<IndexedDocument> documents) {
        try {
            for (IndexedDocument document : documents) {
                writer.updateDocument(new Term(ID, document.id()), document(document));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteWhere(String field, String value) {
        try {
            writer.deleteDocuments(new Term(KEYWORD + field, value));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    // ---------------------------------------------------------------- reads

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addFilters(BooleanQuery.Builder query, Map<String, List<String>> filters) {
        filters.forEach((field, values) -> {
            BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
            for (String value : values) {
                anyOf.add(new TermQuery(new Term(KEYWORD + field, value)), Occur.SHOULD);
            }
            query.add(anyOf.build(), Occur.FILTER);
        });
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return withSearcher(searcher -> {
            Answers kept = answers;
            if (kept == null || kept.reader() != searcher.getIndexReader()) {
                kept = new Answers(searcher.getIndexReader(), new ConcurrentHashMap<>());
                answers = kept;
            }
            SearchResult answer = kept.byRequest().get(request);
            if (answer == null) {
                answer = search(searcher, request);
                if (kept.byRequest().size() >= KEPT_ANSWERS) {
                    kept.byRequest().clear();
                }
                kept.byRequest().put(request, answer);
            }
            return answer;
        });
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest request) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Query text = null;
        if (!request.text().isEmpty() && !request.boosts().isEmpty()) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, request.boosts());
            parser.setDefaultOperator(Occur.MUST);
            text = parser.parse(request.text());
            if (text instanceof MatchNoDocsQuery) {
                // Only stop words ("de la"): nothing was asked, so the filters alone decide.
                text = null;
            }
        }
        builder.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        addFilters(builder, request.filters());
        Query query = builder.build();
        FacetsCollector collector = new FacetsCollector();
        TopDocs top = FacetsCollector.search(searcher, query, Math.max(1, request.offset() + request.limit()),
                collector);
        long total = collector.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        List<SearchResult.Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = request.offset(); i < Math.min(docs.length, request.offset() + request.limit()); i++) {
            hits.add(new SearchResult.Hit(searcher.storedFields().document(docs[i].doc, Set.of(ID)).get(ID),
                    docs[i].score));
        }
        return new SearchResult(total, hits, facetCounts(searcher, collector, request.facets()));
    }

    private Map<String, List<SearchResult.FacetCount>> facetCounts(IndexSearcher searcher, FacetsCollector collector,
            List<String> dimensions) throws IOException {
        Map<String, List<SearchResult.FacetCount>> counts = new LinkedHashMap<>();
        if (dimensions.isEmpty()) {
            return counts;
        }
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        Facets facetCounts = state == null ? null : new SortedSetDocValuesFacetCounts(state, collector);
        for (String dimension : dimensions) {
            List<SearchResult.FacetCount> values = new ArrayList<>();
            FacetResult result = null;
            if (facetCounts != null) {
                try {
                    result = facetCounts.getTopChildren(200, dimension);
                } catch (IllegalArgumentException notIndexedYet) {
                    result = null;
                }
            }
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new SearchResult.FacetCount(value.label, value.value.intValue()));
                }
            }
            counts.put(dimension, List.copyOf(values));
        }
        return counts;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            synchronized (facets) {
                state = new DefaultSortedSetDocValuesReaderState(reader, facets);
            }
        } catch (IllegalArgumentException noFacetsIndexed) {
            state = null;
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    @Override
    public List<SimilarDocument> similar(String id, List<String> fields, Map<String, List<String>> filters,
            int limit) {
        return similarAll(List.of(id), fields, filters, limit).getOrDefault(id, List.of());
    }

    /**
     * Inverse document frequencies of one reader: they change only when the index does, and looking one up costs a
     * seek per segment, so they are kept until the next reader.
     */
    private record Frequencies(IndexReader reader, Map<String, Double> idf) {
    }

    private volatile Frequencies frequencies;

    private Map<String, Double> inverseFrequencies(IndexReader reader) {
        Frequencies current = frequencies;
        if (current == null || current.reader() != reader) {
            current = new Frequencies(reader, new ConcurrentHashMap<>());
            frequencies = current;
        }
        return current.idf();
    }

    /** Term weights of one reader, each read once: documents compared many times cost one read. */
    private static final class Weights {
        private final IndexReader reader;
        private final int documents;
        private final Map<String, Double> idf;
        /** A term-vector reader is not for sharing between threads. */
        private final ThreadLocal<TermVectors> vectors;
        private final Map<String, Map<String, Double>> byDocument = new ConcurrentHashMap<>();
        private final Map<Integer, Map<String, Double>> wordsByDocument = new ConcurrentHashMap<>();

        Weights(IndexReader reader, Map<String, Double> idf) {
            this.reader = reader;
            this.documents = Math.max(1, reader.numDocs());
            this.idf = idf;
            this.vectors = ThreadLocal.withInitial(() -> {
                try {
                    return reader.termVectors();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** tf·idf of each term of the document's fields (with {@code suffix}), from its term vectors. */
        Map<String, Double> of(int doc, List<String> fields, String suffix) {
            return byDocument.computeIfAbsent(doc + suffix, key -> read(doc, fields, suffix));
        }

        /** The weights of the document's whole words, whichever field they came from. */
        Map<String, Double> words(int doc, List<String> fields) {
            return wordsByDocument.computeIfAbsent(doc, d -> {
                Map<String, Double> words = new HashMap<>();
                of(doc, fields, WORDS).forEach((key, weight) -> words.merge(key.substring(key.indexOf(':') + 1),
                        weight, Double::sum));
                return words;
            });
        }

        private Map<String, Double> read(int doc, List<String> fields, String suffix) {
            Map<String, Double> weights = new HashMap<>();
            try {
                for (String field : fields) {
                    String name = field + suffix;
                    Terms terms = vectors.get().get(doc, name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum term = terms.iterator();
                    BytesRef bytes;
                    while ((bytes = term.next()) != null) {
                        String text = bytes.utf8ToString();
                        double weight = idf.computeIfAbsent(name + ':' + text, k -> inverseFrequency(name, text));
                        weights.merge(field + ":" + text, term.totalTermFreq() * weight, Double::sum);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return weights;
        }

        private double inverseFrequency(String field, String text) {
            try {
                return Math.log(1 + (double) documents / Math.max(1, reader.docFreq(new Term(field, text))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Map<String, List<SimilarDocument>> similarAll(Collection<String> ids, List<String> fields,
            Map<String, List<String>> filters, int limit) {
        if (fields.isEmpty() || limit <= 0 || ids.isEmpty()) {
            return Map.of();
        }
        return withSearcher(searcher -> {
            Weights weights = new Weights(searcher.getIndexReader(), inverseFrequencies(searcher.getIndexReader()));
            Map<String, List<SimilarDocument>> all = new ConcurrentHashMap<>();
            // Each comparison only reads the index: the cores share the documents.
            ids.parallelStream().forEach(id -> {
                try {
                    TopDocs self = searcher.search(new TermQuery(new Term(ID, id)), 1);
                    if (self.scoreDocs.length > 0) {
                        all.put(id, similar(searcher, weights, self.scoreDocs[0].doc, id, fields, filters, limit));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return all;
        });
    }

    /**
     * Candidates are the documents that best match a query of the document's heaviest terms (the idea of Lucene's
     * MoreLikeThis, built here from the weights already read); they are then ranked by the cosine of their weights.
     */
    private static List<SimilarDocument> similar(IndexSearcher searcher, Weights weights, int doc, String id,
            List<String> fields, Map<String, List<String>> filters, int limit) throws IOException {
        Map<String, Double> mine = weights.of(doc, fields, "");
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        mine.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_QUERY_TERMS).forEach(e -> {
                    int colon = e.getKey().indexOf(':');
                    like.add(new BoostQuery(new TermQuery(new Term(e.getKey().substring(0, colon),
                            e.getKey().substring(colon + 1))), e.getValue().floatValue()), Occur.SHOULD);
                });
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(like.build(), Occur.MUST);
        builder.add(new TermQuery(new Term(ID, id)), Occur.MUST_NOT);
        addFilters(builder, filters);
        TopDocs candidates = searcher.search(builder.build(), Math.max(limit * 2, 10));
        record Scored(int doc, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (ScoreDoc candidate : candidates.scoreDocs) {
            double score = cosine(mine, weights.of(candidate.doc, fields, ""));
            if (score > 0) {
                scored.add(new Scored(candidate.doc, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<SimilarDocument> similar = new ArrayList<>();
        // Only the kept ones are explained: the words are the costly part.
        for (Scored kept : scored.subList(0, Math.min(limit, scored.size()))) {
            similar.add(new SimilarDocument(searcher.storedFields().document(kept.doc(), Set.of(ID)).get(ID),
                    kept.score(), sharedWords(weights, doc, kept.doc(), fields)));
        }
        return similar;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            Double other = b.get(entry.getKey());
            if (other != null) {
                dot += entry.getValue() * other;
            }
        }
        if (dot == 0) {
            return 0;
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> vector) {
        return Math.sqrt(vector.values().stream().mapToDouble(v -> v * v).sum());
    }

    /** The whole words both documents use, heaviest first: rare in the index and frequent in both. */
    private static List<String> sharedWords(Weights weights, int a, int b, List<String> fields) {
        Map<String, Double> first = weights.words(a, fields);
        Map<String, Double> second = weights.words(b, fields);
        return first.entrySet().stream().filter(e -> second.containsKey(e.getKey()) && e.getKey().length() > 2)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.min(e.getValue(),
                        second.get(e.getKey())))
                        .thenComparing(Map.Entry::getKey))
                .limit(6).map(Map.Entry::getKey).toList();
    }
}
