package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.bot.understanding.Intent;
import cn.zhice.kb.Entry;
import cn.zhice.kb.store.EntryCodec;
import org.junit.jupiter.api.Test;

class AnswerComposerTest {

    private static final EntryCodec CODEC = new EntryCodec();

    @Test
    void answersADeadlineQuestionWithTheFirstTwoSentencesThatNameATime() {
        Entry policy = CODEC.read("""
                {"externalId":"P-1","kind":"POLICY","title":"青禾区人才安居补贴","category":"人才",
                 "body":"对新引进的高层次人才给予安居补贴。申报截止时间为2026年12月31日。\\n材料须在受理期限内补齐\\n逾期不再受理。其他事项另行通知之前以本文为准。","validTo":"2027-06-30"}""");

        String answer = AnswerComposer.compose(policy, Intent.DEADLINE);

        assertThat(answer).contains("申报截止时间为2026年12月31日。\n材料须在受理期限内补齐\n政策有效期至 2027-06-30")
                .doesNotContain("安居补贴。申报", "逾期不再受理", "另行通知");
    }

    @Test
    void findsTheDeadlineAfterALongSentenceWithoutOne() {
        String preamble = "为进一步优化营商环境支持企业发展".repeat(400);
        Entry policy = CODEC.read("""
                {"externalId":"P-2","kind":"POLICY","title":"青禾区中小企业融资贴息","category":"融资",
                 "body":"%s。贴息申请于每年3月31日前提交，逾期视为放弃。"}""".formatted(preamble));

        String answer = AnswerComposer.compose(policy, Intent.DEADLINE);

        assertThat(answer).contains("贴息申请于每年3月31日前提交，逾期视为放弃。").doesNotContain("优化营商环境");
    }

    @Test
    void givesTheOverviewWhenNoSentenceNamesATime() {
        Entry faq = CODEC.read("""
                {"externalId":"FAQ-1","kind":"FAQ","title":"营业执照遗失怎么办？","answer":"登报声明后申请补领。"}""");

        assertThat(AnswerComposer.compose(faq, Intent.DEADLINE)).contains("登报声明后申请补领。");
    }
}
