package cn.zhice.kb.search;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** {@link PolicySearch} over the local Lucene index, with highlighted snippets cut from the entry's text. */
public final class LucenePolicySearch implements PolicySearch {

    private static final int SNIPPET_CHARS = 120;
    private static final Set<String> CONTENT_ONLY = Set.of(EntryFields.CONTENT);

    private final EntryIndex index;
    private final Clock clock;
    private final TermLookups termLookups = new TermLookups();
    private final RecentSearches recent;

    /** A search that keeps no recent results: every call searches (evaluations, benchmarks of the search itself). */
    public LucenePolicySearch(EntryIndex index, Clock clock) {
        this(index, clock, 0);
    }

    /** @param recentSearches how many recent searches keep their hits until the index changes; 0 for none */
    public LucenePolicySearch(EntryIndex index, Clock clock, int recentSearches) {
        this.index = index;
        this.clock = clock;
        this.recent = new RecentSearches(recentSearches);
    }

    @Override
    public List<SearchHit> search(SearchQuery search) {
        Analyzers analyzers = index.analyzers();
        LocalDate today = LocalDate.now(clock);
        return index.search(searcher -> recent.hits(searcher.getTopReaderContext().id(), analyzers, today, search,
                () -> searchNow(searcher, search, analyzers, today)));
    }

    private List<SearchHit> searchNow(IndexSearcher searcher, SearchQuery search, Analyzers analyzers, LocalDate today) {
        try {
            Optional<Query> built = EntryQueryBuilder.build(search, analyzers, today,
                    term -> termLookups.query(searcher, term));
            if (built.isEmpty()) {
                return List.of();
            }
            Query query = built.get();
            // Hits are listed, never counted: with the count threshold at the limit, scoring skips (block-max WAND) every
            // document that can no longer enter the top hits instead of scoring all that share a word.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(search.limit(), null, search.limit()));
            String[] snippets = search.snippets()
                    ? snippets(searcher, analyzers, query, top)
                    : new String[top.scoreDocs.length];
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            HitFields fields = new HitFields(searcher, top.scoreDocs);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scored = top.scoreDocs[i];
                String snippet = search.snippets() ? snippet(snippets[i], searcher, scored.doc) : "";
                hits.add(new SearchHit(fields.id(i), EntryKind.valueOf(fields.kind(i)), fields.title(i), scored.score,
                        snippet));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] snippets(IndexSearcher searcher, Analyzers analyzers, Query query, TopDocs top)
            throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.index)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxLength(20_000)
                .build();
        return highlighter.highlight(EntryFields.CONTENT, query, top, 1);
    }

    /** The highlighted passage, or the start of the text when no query word occurs in it. */
    private static String snippet(String highlighted, IndexSearcher searcher, int doc) throws IOException {
        if (highlighted != null && !highlighted.isBlank()) {
            return highlighted.strip();
        }
        String content = searcher.storedFields().document(doc, CONTENT_ONLY).get(EntryFields.CONTENT);
        if (content == null) {
            return "";
        }
        String start = content.strip();
        return start.length() <= SNIPPET_CHARS ? start : start.substring(0, SNIPPET_CHARS) + "…";
    }
}
