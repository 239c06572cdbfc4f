package cn.zhice.kb.search;

import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The hits of recent searches, kept while the index reader, the analysis and the day stay the same. Residents ask the
 * same things over and over (menu texts, 营业执照怎么申请), and the search is most of the cost of answering them. A
 * refreshed reader (any published change), new analyzers (synonyms or terms edited) or a new day (validity windows)
 * starts an empty set, so a kept result is never older than what the index would answer. Caffeine keeps the most asked searches when there are more than fit.
 */
final class RecentSearches {

    private final int capacity;
    private volatile Generation current;

    /** @param capacity searches kept per reader and day; 0 keeps none */
    RecentSearches(int capacity) {
        this.capacity = capacity;
        this.current = new Generation(new Object(), new Object(), LocalDate.MIN, null);
    }

    /**
     * The hits of {@code query} on this reader, analysis and day: kept ones, or {@code search}'s, which are then kept.
     * Reader and analysis are compared by identity.
     */
    List<SearchHit> hits(Object reader, Object analysis, LocalDate day, SearchQuery query,
            Supplier<List<SearchHit>> search) {
        if (capacity == 0) {
            return search.get();
        }
        Generation generation = current;
        if (generation.reader != reader || generation.analysis != analysis || !generation.day.equals(day)) {
            generation = new Generation(reader, analysis, day, Caffeine.newBuilder().maximumSize(capacity).build());
            current = generation;
        }
        return generation.hits.get(query, ignored -> List.copyOf(search.get()));
    }

    private record Generation(Object reader, Object analysis, LocalDate day, Cache<SearchQuery, List<SearchHit>> hits) {}
}
