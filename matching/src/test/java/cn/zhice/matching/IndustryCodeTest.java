package cn.zhice.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodeTest {

    @ParameterizedTest
    @CsvSource({"C13, C13", "13, C13", "5211, F5211", "E, E", "c3911, C3911", " I65 , I65", "01, A01", "97, T97"})
    void normalisesCodesToSectionAndDigits(String text, String expected) {
        assertThat(IndustryCode.parse(text)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"U", "00", "98", "C51", "F13", "C1", "C13111", "1", "X9", "", "13A"})
    void rejectsCodesThatAreNotInGbt4754(String text) {
        assertThatThrownBy(() -> IndustryCode.parse(text)).isInstanceOf(UnknownIndustryCode.class);
    }

    @ParameterizedTest
    @CsvSource({"5211, 52", "E, ''"})
    void exposesDivision(String text, String division) {
        assertThat(IndustryCode.parse(text).division()).isEqualTo(division);
    }
}
