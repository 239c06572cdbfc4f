package cn.zhice.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.SearchQuery;
import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class EntryIndexTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(), List.of());

    @Test
    void mergesASmallIndexBackIntoOneSegmentAfterEachBatchOfWrites() throws Exception {
        try (EntryIndex index = new EntryIndex(new ByteBuffersDirectory(), VOCABULARY)) {
            // batches like an import's: Lucene's merge policy alone would keep 40 entries beside 10 (and 1) for good
            index.upsert(guides(0, 40));
            index.upsert(guides(40, 50));
            index.upsert(guides(7, 8));

            awaitOneSegment(index);
            assertThat(index.size()).isEqualTo(50);
            LucenePolicySearch search = new LucenePolicySearch(index, Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"),
                    ZoneId.of("Asia/Shanghai")));
            assertThat(search.search(SearchQuery.of("第45号事项", 3))).first()
                    .satisfies(hit -> assertThat(hit.externalId()).isEqualTo("SG-45"));
        }
    }

    private static void awaitOneSegment(EntryIndex index) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (index.segments() > 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(index.segments()).as("segments searched once merges are done").isEqualTo(1);
    }

    private static List<Entry> guides(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new Entry(
                "SG-" + i, EntryKind.SERVICE_GUIDE, "第" + i + "号事项办理", "第" + i + "号事项的办事指南。", null,
                "其他", "青禾区政务服务中心", "滨江市青禾区", null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, null, null)).toList();
    }
}
