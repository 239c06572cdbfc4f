package cn.zhice.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimplifiedChineseTest {

    @Test
    void convertsTraditionalCharactersAndLeavesEverythingElse() {
        assertThat(SimplifiedChinese.of("請問營業執照怎麼申請? ABC 123")).isEqualTo("请问营业执照怎么申请? ABC 123");
    }

    @Test
    void returnsTheSameStringWhenNothingIsTraditional() {
        String simplified = "营业执照怎么申请";
        assertThat(SimplifiedChinese.of(simplified)).isSameAs(simplified);
        assertThat(SimplifiedChinese.of("")).isEmpty();
    }

    @Test
    void keepsCharactersOutsideTheIdeographBlocksAndSurrogatePairs() {
        assertThat(SimplifiedChinese.of("😀臺灣〇")).isEqualTo("😀台湾〇");
    }

    @Test
    void listsTheMappingsTheSearchIndexUses() {
        AtomicInteger pairs = new AtomicInteger();
        SimplifiedChinese.forEachMapping((traditional, simplified) -> {
            pairs.incrementAndGet();
            assertThat(traditional).hasSize(1).isNotEqualTo(simplified);
        });
        assertThat(pairs.get()).isGreaterThan(2_000);
    }
}
