package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.SearchHit;
import org.junit.jupiter.api.Test;

class TitleCoverageTest {

    @Test
    void nearTieGoesToTheTitleTheQuestionCoversBetter() {
        SearchHit lost = hit("GA-1", "保安员证核发(遗失补发保安员证)", 56.6f);
        SearchHit damaged = hit("GA-2", "保安员证核发(损毁换发保安员证)", 55.9f);

        assertThat(TitleCoverage.decide("保安员证不见了怎么补办", lost, damaged)).contains(lost);
        assertThat(TitleCoverage.decide("保安员证坏了怎么换发", lost, damaged)).contains(damaged);
    }

    @Test
    void aTitleWithAWordTheQuestionLacksLoses() {
        SearchHit safety = hit("A", "注册核安全工程师考试报名", 70.9f);
        SearchHit plain = hit("B", "注册安全工程师考试报名", 68.9f);

        assertThat(TitleCoverage.decide("注册安全工程师考试在哪里报名", safety, plain)).contains(plain);
    }

    @Test
    void aShortQuestionDecidesNothingEvenWhenItFitsOneTitleBetter() {
        SearchHit licence = hit("A", "企业设立登记（营业执照申领）", 20f);
        SearchHit soleTrader = hit("B", "个体工商户设立登记", 19.5f);

        assertThat(TitleCoverage.decide("执照", licence, soleTrader)).isEmpty();
    }

    @Test
    void decidesNothingWhenBothTitlesFitAlike() {
        SearchHit first = hit("A", "个体工商户设立登记", 60f);
        SearchHit second = hit("B", "企业设立登记", 59f);

        assertThat(TitleCoverage.decide("怎么办执照", first, second)).isEmpty();
    }

    private static SearchHit hit(String id, String title, float score) {
        return new SearchHit(id, EntryKind.SERVICE_GUIDE, title, score, null);
    }
}
