package cn.zhice.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Each query term's look-up in the terms dictionary, kept for as long as the index reader stays the same. Residents
 * ask with a small vocabulary, so most terms of a question were looked up by an earlier one; looking a term up again
 * (a terms-dictionary seek per segment, with its enum and frames) was a third of a search's time and most of its
 * garbage. A refreshed reader starts with an empty set, since term states belong to one reader.
 *
 * <p>The states are built with statistics for every segment, so searches only ever read them: they are safe to share
 * between threads.
 */
final class TermLookups {

    /** More distinct (field, term) pairs than this per reader are looked up each time instead of kept. */
    static final int CAPACITY = 200_000;

    private volatile Generation current = new Generation(new Object());

    /** A term query for {@code term} that reuses the term's look-up on this searcher's reader. */
    TermQuery query(IndexSearcher searcher, Term term) {
        Object reader = searcher.getTopReaderContext().id();
        Generation generation = current;
        if (generation.reader != reader) {
            generation = new Generation(reader);
            current = generation;
        }
        TermStates states = generation.states.get(term);
        if (states == null) {
            states = build(searcher, term);
            if (generation.states.size() < CAPACITY) {
                generation.states.putIfAbsent(term, states);
            }
        }
        return new TermQuery(term, states);
    }

    private static TermStates build(IndexSearcher searcher, Term term) {
        try {
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The look-ups of one reader, identified by its top-level context. */
    private record Generation(Object reader, Map<Term, TermStates> states) {

        Generation(Object reader) {
            this(reader, new ConcurrentHashMap<>());
        }
    }
}
