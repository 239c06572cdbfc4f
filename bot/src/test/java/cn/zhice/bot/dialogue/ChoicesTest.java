package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

    private static final List<String> TITLES = List.of("企业设立登记（营业执照申领）", "个体工商户设立登记", "政策在哪查？");

    @Test
    void readsDigitsOrdinalsAndChineseNumerals() {
        assertThat(Choices.pick("2", TITLES)).contains(1);
        assertThat(Choices.pick("第二个", TITLES)).contains(1);
        assertThat(Choices.pick("第3条", TITLES)).contains(2);
        assertThat(Choices.pick("选1", TITLES)).contains(0);
        assertThat(Choices.pick("一", TITLES)).contains(0);
        assertThat(Choices.pick("2.", TITLES)).contains(1);
        assertThat(Choices.pick("最后一个", TITLES)).contains(2);
    }

    @Test
    void readsATitleOrAPartOfIt() {
        assertThat(Choices.pick("个体工商户设立登记", TITLES)).contains(1);
        assertThat(Choices.pick("营业执照申领", TITLES)).contains(0);
    }

    @Test
    void ignoresNumbersOutOfRangeAndOrdinaryQuestions() {
        assertThat(Choices.pick("4", TITLES)).isEmpty();
        assertThat(Choices.pick("0", TITLES)).isEmpty();
        assertThat(Choices.pick("社保怎么交", TITLES)).isEmpty();
        assertThat(Choices.pick("2024年的政策", TITLES)).isEmpty();
    }
}
