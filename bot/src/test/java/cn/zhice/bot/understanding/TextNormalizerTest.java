package cn.zhice.bot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void convertsTraditionalToSimplified() {
        assertThat(normalizer.normalize("營業執照在哪裡辦理")).isEqualTo("营业执照在哪里办理");
    }

    @Test
    void turnsFullWidthLettersDigitsAndPunctuationIntoHalfWidth() {
        assertThat(normalizer.normalize("ＡＢＣ公司２０２６年能申请吗？")).isEqualTo("ABC公司2026年能申请吗?");
    }

    @Test
    void removesEmojiAndDecorativeSymbols() {
        assertThat(normalizer.normalize("👍谢谢🙏🏻 ★小助手★ ❤️")).isEqualTo("谢谢小助手");
        // A removed symbol leaves a space, so that 1️⃣高企 does not become the number 1 glued to the word.
        assertThat(normalizer.normalize("1️⃣高企认定👨‍👩‍👧")).isEqualTo("1 高企认定");
    }

    @Test
    void collapsesWhitespaceAndDropsItBetweenChineseCharacters() {
        assertThat(normalizer.normalize("  营业执照 \t 在哪办\n  ok  thanks ")).isEqualTo("营业执照在哪办 ok thanks");
    }

    @Test
    void collapsesRepeatedPunctuation() {
        assertThat(normalizer.normalize("在吗？？？！！")).isEqualTo("在吗?!");
    }

    @Test
    void keepsFillerOpeningsInTheNormalisedText() {
        assertThat(normalizer.normalize("你好請問，高企認定在哪申請")).isEqualTo("你好请问,高企认定在哪申请");
    }

    @Test
    void removesFillerOpeningsOnRequest() {
        assertThat(normalizer.withoutOpening("你好请问,高企认定在哪申请")).isEqualTo("高企认定在哪申请");
        assertThat(normalizer.withoutOpening("麻烦问一下营业执照要带什么")).isEqualTo("营业执照要带什么");
        assertThat(normalizer.withoutOpening("您好!在吗?我想问一下公积金怎么取")).isEqualTo("公积金怎么取");
    }

    @Test
    void leavesNothingWhenTheMessageIsOnlyFiller() {
        assertThat(normalizer.withoutOpening("你好")).isEmpty();
        assertThat(normalizer.withoutOpening("您好,请问")).isEmpty();
    }

    @Test
    void doesNotCutWordsThatMerelyStartLikeAnOpening() {
        assertThat(normalizer.withoutOpening("history怎么查")).isEqualTo("history怎么查");
        assertThat(normalizer.withoutOpening("问题反馈")).isEqualTo("问题反馈");
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(normalizer.normalize(null)).isEmpty();
    }
}
