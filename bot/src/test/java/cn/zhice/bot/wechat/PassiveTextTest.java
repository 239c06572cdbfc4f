package cn.zhice.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PassiveTextTest {

    @Test
    void keepsTextThatFits() {
        assertThat(PassiveText.fit("请到区政务服务中心一楼3号窗口办理。")).isEqualTo("请到区政务服务中心一楼3号窗口办理。");
    }

    @Test
    void cutsAfterTheLastSentenceThatFitsAndPointsToTheRest() {
        String text = "申请人须提交营业执照副本。".repeat(100);

        String fitted = PassiveText.fit(text);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(fitted).endsWith("。\n回复「详情」查看更多");
        assertThat(text).startsWith(fitted.substring(0, fitted.length() - PassiveText.MORE.length()));
    }

    @Test
    void neverCutsInsideACharacterWhenThereIsNoSentenceEnd() {
        String text = "😀补".repeat(700);

        String fitted = PassiveText.fit(text);
        String kept = fitted.substring(0, fitted.length() - PassiveText.MORE.length());

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(kept);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(text).startsWith(kept);
    }
}
