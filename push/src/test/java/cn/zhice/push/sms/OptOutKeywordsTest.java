package cn.zhice.push.sms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.sms.OptOutKeywords.Intent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"T", "t", "TD", "td", "R", "退订", "STOP", "stop", "Unsubscribe", " Ｔ ", "ＴＤ", "退订。", "STOP!"})
    void optsOutOnEveryUnsubscribeKeyword(String reply) {
        assertThat(OptOutKeywords.of(reply)).isEqualTo(Intent.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Start"})
    void optsBackInOnStart(String reply) {
        assertThat(OptOutKeywords.of(reply)).isEqualTo(Intent.OPT_IN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"谢谢", "TDX", "请问怎么申报", "STOPPED", "", "RT"})
    void ignoresOrdinaryReplies(String reply) {
        assertThat(OptOutKeywords.of(reply)).isEqualTo(Intent.NONE);
    }
}
