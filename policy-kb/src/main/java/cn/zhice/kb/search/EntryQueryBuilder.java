package cn.zhice.kb.search;

import static cn.zhice.kb.search.EntryFields.*;

import cn.zhice.kb.SearchQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene query for a resident's question: word and bigram matches on what an entry is called (title,
 * similar questions, keywords), weighted above word matches in its content, restricted to the requested filters and to entries valid
 * on the day of the search.
 */
final class EntryQueryBuilder {

    /** Greetings and politeness around the actual question; removed before analysis. */
    private static final Pattern FILLERS = Pattern.compile(
            "(你好|您好|请问一下|请问|麻烦问一下|麻烦问下|麻烦|想问一下|想问下|问一下|问下|我想知道|想了解一下|谢谢|你們好|請問)");

    private static final float TIE_BREAKER = 0.3f;

    private EntryQueryBuilder() {}

    /**
     * The query, or empty when the text has nothing searchable left (only punctuation or fillers).
     *
     * @param termQueries makes the query of each single term, e.g. with its look-up already done
     */
    static Optional<Query> build(SearchQuery search, Analyzers analyzers, LocalDate today,
            Function<Term, Query> termQueries) {
        String text = FILLERS.matcher(search.text()).replaceAll(" ").strip();
        QueryBuilder words = new TermQueryBuilder(analyzers.queryWords, termQueries);
        QueryBuilder bigrams = new TermQueryBuilder(analyzers.bigrams, termQueries);

        // The words are analysed once (smartcn's segmentation is the costly part) and pointed at both word fields.
        // Few fields on purpose: every (field, term) pair costs a look-up and a postings reader per search, and
        // title, similar questions and keywords in one field ranked better than three fields with their own weights
        // (and content bigrams added nothing): docs/benchmarks.md, 2026-12-05.
        Query nameWords = words.createBooleanQuery(NAME, text);
        Query nameBigrams = bigrams.createBooleanQuery(NAME_BIGRAMS, text);
        if (nameWords == null && nameBigrams == null) {
            return Optional.empty();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        if (nameWords != null) {
            Query contentWords = onField(nameWords, CONTENT, termQueries);
            matches.add(new DisjunctionMaxQuery(
                    List.of(new BoostQuery(nameWords, 3.0f), new BoostQuery(contentWords, 1.0f)), TIE_BREAKER),
                    Occur.SHOULD);
        }
        if (nameBigrams != null) {
            matches.add(new BoostQuery(nameBigrams, 2.0f), Occur.SHOULD);
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

    /**
     * The same query on another field, or null for none. It takes apart what {@link QueryBuilder} makes of analysed
     * text: term, synonym (all of weight 1, as no analyzer here sets a boost), boolean and boosted queries.
     */
    private static Query onField(Query query, String field, Function<Term, Query> termQueries) {
        if (query == null) {
            return null;
        }
        if (query instanceof TermQuery term) {
            return termQueries.apply(new Term(field, term.getTerm().bytes()));
        }
        if (query instanceof BoostQuery boosted) {
            return new BoostQuery(onField(boosted.getQuery(), field, termQueries), boosted.getBoost());
        }
        if (query instanceof SynonymQuery synonyms) {
            SynonymQuery.Builder builder = new SynonymQuery.Builder(field);
            synonyms.getTerms().forEach(term -> builder.addTerm(new Term(field, term.bytes())));
            return builder.build();
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(clause -> builder.add(onField(clause.getQuery(), field, termQueries), clause.getOccur()));
            return builder.build();
        }
        throw new IllegalStateException("Analysis made an unexpected query: " + query.getClass().getSimpleName());
    }

    /** Lucene's analysis-to-query builder, with single-term queries made by the caller. */
    private static final class TermQueryBuilder extends QueryBuilder {

        private final Function<Term, Query> termQueries;

        TermQueryBuilder(Analyzer analyzer, Function<Term, Query> termQueries) {
            super(analyzer);
            this.termQueries = termQueries;
        }

        @Override
        protected Query newTermQuery(Term term, float boost) {
            Query query = termQueries.apply(term);
            return boost == BoostAttribute.DEFAULT_BOOST ? query : new BoostQuery(query, boost);
        }
    }
}
