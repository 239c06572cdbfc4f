package cn.zhice.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RecentSearchesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final SearchQuery QUESTION = SearchQuery.of("营业执照怎么申请", 5);

    private final AtomicInteger searches = new AtomicInteger();
    private static final Object ANALYSIS = new Object();

    private final Supplier<List<SearchHit>> search = () -> {
        searches.incrementAndGet();
        return List.of(new SearchHit("QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记", 42f, ""));
    };

    @Test
    void answersARepeatedSearchOnTheSameReaderAndDayFromMemory() {
        RecentSearches recent = new RecentSearches(10);
        Object reader = new Object();

        List<SearchHit> first = recent.hits(reader, ANALYSIS, DAY, QUESTION, search);
        List<SearchHit> again = recent.hits(reader, ANALYSIS, DAY, QUESTION, search);

        assertThat(again).isEqualTo(first);
        assertThat(searches).hasValue(1);
    }

    @Test
    void searchesAgainOnANewReaderNewAnalysisOrANewDay() {
        RecentSearches recent = new RecentSearches(10);
        Object reader = new Object();
        recent.hits(reader, ANALYSIS, DAY, QUESTION, search);

        recent.hits(new Object(), ANALYSIS, DAY, QUESTION, search);
        recent.hits(reader, ANALYSIS, DAY.plusDays(1), QUESTION, search);
        recent.hits(reader, new Object(), DAY.plusDays(1), QUESTION, search);

        assertThat(searches).hasValue(4);
    }

    @Test
    void keepsSearchesWithOtherFiltersOrLimitsApart() {
        RecentSearches recent = new RecentSearches(10);
        Object reader = new Object();
        recent.hits(reader, ANALYSIS, DAY, QUESTION, search);

        recent.hits(reader, ANALYSIS, DAY, SearchQuery.of(QUESTION.text(), 3), search);
        recent.hits(reader, ANALYSIS, DAY, new SearchQuery(QUESTION.text(), 5, EntryKind.FAQ, null, null), search);

        assertThat(searches).hasValue(3);
    }

    @Test
    void keepsNothingWithNoCapacity() {
        RecentSearches recent = new RecentSearches(0);
        Object reader = new Object();

        recent.hits(reader, ANALYSIS, DAY, QUESTION, search);
        recent.hits(reader, ANALYSIS, DAY, QUESTION, search);

        assertThat(searches).hasValue(2);
    }
}
