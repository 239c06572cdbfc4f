package cn.zhice.kb.search;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** {@link PolicySearch} over the local Lucene index, with highlighted snippets cut from the entry's text. */
public final class LucenePolicySearch implements PolicySearch {

    private static final int SNIPPET_CHARS = 120;

    private final EntryIndex index;
    private final Clock clock;

    public LucenePolicySearch(EntryIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    @Override
    public List<SearchHit> search(SearchQuery search) {
        Analyzers analyzers = index.analyzers();
        Optional<Query> built = EntryQueryBuilder.build(search, analyzers, LocalDate.now(clock));
        if (built.isEmpty()) {
            return List.of();
        }
        Query query = built.get();
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, search.limit());
            String[] snippets = search.snippets()
                    ? snippets(searcher, analyzers, query, top)
                    : new String[top.scoreDocs.length];
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scored = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(scored.doc);
                hits.add(new SearchHit(
                        doc.get(EntryFields.ID),
                        EntryKind.valueOf(doc.get(EntryFields.KIND)),
                        doc.get(EntryFields.TITLE),
                        scored.score,
                        search.snippets() ? snippet(snippets[i], doc.get(EntryFields.CONTENT)) : ""));
            }
            return hits;
        });
    }

    private static String[] snippets(IndexSearcher searcher, Analyzers analyzers, Query query, TopDocs top)
            throws java.io.IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.index)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxLength(20_000)
                .build();
        return highlighter.highlight(EntryFields.CONTENT, query, top, 1);
    }

    /** The highlighted passage, or the start of the text when no query word occurs in it. */
    private static String snippet(String highlighted, String content) {
        if (highlighted != null && !highlighted.isBlank()) {
            return highlighted.strip();
        }
        if (content == null) {
            return "";
        }
        String start = content.strip();
        return start.length() <= SNIPPET_CHARS ? start : start.substring(0, SNIPPET_CHARS) + "…";
    }
}
