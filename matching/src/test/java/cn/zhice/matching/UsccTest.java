package cn.zhice.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108MA1FL8XB9P", "9244030010000018XE", "92440300100000008F"})
    void acceptsValidCodes(String code) {
        assertThat(Uscc.parse(code).value()).isEqualTo(code);
    }

    @Test
    void acceptsCodeWhoseCheckCharacterIsZero() {
        // Σ Ci×Wi ≡ 0 (mod 31) gives 31 − 0 = 31, which GB 32100-2015 writes as 0.
        assertThat(Uscc.parse("913301061000001390").value()).endsWith("0");
        assertThat(Uscc.checkCharacter("91330106100000139")).isEqualTo('0');
    }

    @Test
    void acceptsOrganisationCodeWhoseCheckDigitIsX() {
        assertThat(Uscc.parse("9244030010000018XE").organisationCode()).isEqualTo("10000018X");
    }

    @Test
    void acceptsLowerCaseAndSurroundingSpaces() {
        assertThat(Uscc.parse(" 91110108ma1fl8xb9p ").value()).isEqualTo("91110108MA1FL8XB9P");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433"})
    void rejectsWrongLength(String code) {
        assertThatThrownBy(() -> Uscc.parse(code)).isInstanceOf(InvalidUscc.class);
    }

    @Test
    void reportsTheLengthItFound() {
        assertThatThrownBy(() -> Uscc.parse("91350100M000100Y4"))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("18位", "17位"));
    }

    @ParameterizedTest
    @CsvSource({"I", "O", "Z", "S", "V"})
    void rejectsLettersOutsideTheCharset(String letter) {
        String code = "91350100M000100Y4" + letter;
        assertThatThrownBy(() -> Uscc.parse(code))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("第18位", letter));
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThatThrownBy(() -> Uscc.parse("91350100M000100Y44"))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("校验码应为“3”"));
    }

    @Test
    void rejectsWrongOrganisationCheckDigitEvenWithMatchingFinalCheck() {
        String first17 = "91350100M000100Y5";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThatThrownBy(() -> Uscc.parse(code))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("组织机构代码的校验码应为“4”"));
    }

    @Test
    void rejectsUnknownRegistrationAuthority() {
        String first17 = "B1350100M000100Y4";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThatThrownBy(() -> Uscc.parse(code))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("登记管理部门代码"));
    }

    @Test
    void rejectsNonDigitRegionCode() {
        String first17 = "913501A0M000100Y4";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThatThrownBy(() -> Uscc.parse(code))
                .isInstanceOfSatisfying(InvalidUscc.class, e -> assertThat(e.reason()).contains("行政区划码"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Uscc.parse(null)).isInstanceOf(InvalidUscc.class);
    }

    @Test
    void answersInvalidCodeAsBadRequestProblem() {
        assertThatThrownBy(() -> Uscc.parse("123")).isInstanceOfSatisfying(InvalidUscc.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            assertThat(e.getBody().getProperties()).containsEntry("uscc", "123");
        });
    }

    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y43, ENTERPRISE, 企业法人",
        "92440300100000008F, INDIVIDUAL_BUSINESS, 个体工商户",
        "93, FARMERS_COOPERATIVE, 农民专业合作社",
        "12, PUBLIC_INSTITUTION, 事业单位法人",
        "52, SOCIAL_ORGANISATION, 社会组织法人",
        "Y1, OTHER, 其他组织"})
    void derivesRegistrationTypeFromTheFirstTwoCharacters(String codeOrPrefix, RegistrationType type, String label) {
        String code = codeOrPrefix.length() == 18 ? codeOrPrefix : valid(codeOrPrefix);
        assertThat(Uscc.parse(code).registrationType()).isEqualTo(type);
        assertThat(type.label()).isEqualTo(label);
    }

    @Test
    void exposesRegionAndOrganisationCode() {
        Uscc uscc = Uscc.parse("91350100M000100Y43");
        assertThat(uscc.regionCode()).isEqualTo("350100");
        assertThat(uscc.organisationCode()).isEqualTo("M000100Y4");
    }

    private static String valid(String prefix) {
        String first17 = prefix + "350100M000100Y4";
        return first17 + Uscc.checkCharacter(first17);
    }
}
