package cn.zhice.kb.search;

import static cn.zhice.kb.search.EntryFields.*;

import cn.zhice.kb.SearchQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query for a resident's question: word and bigram matches across the entry fields, weighted so
 * that title, similar questions and keywords count most, restricted to the requested filters and to entries valid
 * on the day of the search.
 */
final class EntryQueryBuilder {

    /** Greetings and politeness around the actual question; removed before analysis. */
    private static final Pattern FILLERS = Pattern.compile(
            "(你好|您好|请问一下|请问|麻烦问一下|麻烦问下|麻烦|想问一下|想问下|问一下|问下|我想知道|想了解一下|谢谢|你們好|請問)");

    private static final float TIE_BREAKER = 0.3f;

    private EntryQueryBuilder() {}

    /** The query, or empty when the text has nothing searchable left (only punctuation or fillers). */
    static Optional<Query> build(SearchQuery search, Analyzers analyzers, LocalDate today) {
        String text = FILLERS.matcher(search.text()).replaceAll(" ").strip();
        QueryBuilder words = new QueryBuilder(analyzers.queryWords);
        QueryBuilder bigrams = new QueryBuilder(analyzers.bigrams);

        List<Query> wordFields = new ArrayList<>();
        add(wordFields, words.createBooleanQuery(TITLE, text), 3.0f);
        add(wordFields, words.createBooleanQuery(QUESTIONS, text), 3.0f);
        add(wordFields, words.createBooleanQuery(KEYWORDS, text), 2.5f);
        add(wordFields, words.createBooleanQuery(SUMMARY, text), 1.5f);
        add(wordFields, words.createBooleanQuery(CONTENT, text), 1.0f);

        List<Query> bigramFields = new ArrayList<>();
        add(bigramFields, bigrams.createBooleanQuery(TITLE_BIGRAMS, text), 2.0f);
        add(bigramFields, bigrams.createBooleanQuery(QUESTIONS_BIGRAMS, text), 2.0f);
        add(bigramFields, bigrams.createBooleanQuery(KEYWORDS_BIGRAMS, text), 1.5f);
        add(bigramFields, bigrams.createBooleanQuery(CONTENT_BIGRAMS, text), 0.7f);

        if (wordFields.isEmpty() && bigramFields.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        if (!wordFields.isEmpty()) {
            matches.add(new DisjunctionMaxQuery(wordFields, TIE_BREAKER), Occur.SHOULD);
        }
        if (!bigramFields.isEmpty()) {
            matches.add(new DisjunctionMaxQuery(bigramFields, TIE_BREAKER), Occur.SHOULD);
        }
        // The text is one required clause beside the filters, not optional clauses with a minimum to match: only then
        // is it the single scoring clause that Lucene prunes with block-max scores (the scores are the same).
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(matches.build(), Occur.MUST);
        if (search.kind() != null) {
            query.add(new TermQuery(new Term(KIND, search.kind().name())), Occur.FILTER);
        }
        if (search.category() != null) {
            query.add(new TermQuery(new Term(CATEGORY, search.category())), Occur.FILTER);
        }
        if (search.audience() != null) {
            query.add(new TermQuery(new Term(AUDIENCE, search.audience())), Occur.FILTER);
        }
        long day = today.toEpochDay();
        query.add(LongPoint.newRangeQuery(VALID_FROM, Long.MIN_VALUE, day), Occur.FILTER);
        query.add(LongPoint.newRangeQuery(VALID_TO, day, Long.MAX_VALUE), Occur.FILTER);
        return Optional.of(query.build());
    }

    private static void add(List<Query> fields, Query query, float boost) {
        if (query != null) {
            fields.add(new BoostQuery(query, boost));
        }
    }
}
