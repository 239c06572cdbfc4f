package cn.zhice.matching.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.ImportRejected;
import cn.zhice.matching.ImportRejected.LineError;
import cn.zhice.matching.RegistrationType;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnterpriseLinesTest {

    static final String GOOD = """
            {"uscc":"91350100M000100Y43","name":"青禾精密制造有限公司","industryCode":"C3411","employees":120,"revenueWan":3000.5,"assetsWan":800,"region":"滨江市青禾区","registeredOn":"2019-05-10","tags":[{"name":"高新技术企业","level":"国家级","validTo":"2027-12-31"}],"contacts":{"mobile":"13800138000","email":"hr@qinghe.example","wechatOpenId":"oAbc123"},"consent":{"sms":true,"email":false,"wechat":true}}
            """;

    static List<EnterpriseProfile> read(String text) {
        return EnterpriseLines.read(new StringReader(text), 1000);
    }

    @Test
    void readsEveryFieldOfTheImportFormat() {
        EnterpriseProfile p = read(GOOD).get(0);

        assertThat(p.uscc().value()).isEqualTo("91350100M000100Y43");
        assertThat(p.registrationType()).isEqualTo(RegistrationType.ENTERPRISE);
        assertThat(p.industryCode()).hasToString("C3411");
        assertThat(p.industryEdition()).isEqualTo("GB/T 4754-2017");
        assertThat(p.employees()).isEqualTo(120);
        assertThat(p.revenueWan()).isEqualByComparingTo("3000.5");
        assertThat(p.registeredOn()).isEqualTo(LocalDate.of(2019, 5, 10));
        assertThat(p.tags()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("高新技术企业");
            assertThat(t.validTo()).isEqualTo(LocalDate.of(2027, 12, 31));
        });
        assertThat(p.contacts().mobile()).isEqualTo("13800138000");
        assertThat(p.consent().sms()).isTrue();
    }

    @Test
    void neverPrintsContactsInClear() {
        String printed = read(GOOD).get(0).toString();

        assertThat(printed).doesNotContain("13800138000", "hr@qinghe.example", "oAbc123").contains("138******00");
    }

    @Test
    void rejectsTheWholeImportListingEveryBadLineWithItsNumber() {
        String lines = GOOD
                + "{\"uscc\":\"91350100M000100Y44\",\"name\":\"校验码错\"}\n"
                + "\n"
                + "{\"uscc\":\"913301061000001390\",\"name\":\"行业错\",\"industryCode\":\"Z99\"}\n"
                + "{\"uscc\":\"9244030010000018XE\",\"name\":\"负数\",\"revenueWan\":-5}\n"
                + "{\"uscc\":\"91350100m000100y43\",\"name\":\"重复\"}\n"
                + "{\"uscc\":\"92440300100000008F\",\"name\":\"未知字段\",\"phone\":\"1\"}\n"
                + "not json\n";

        assertThatThrownBy(() -> read(lines)).isInstanceOfSatisfying(ImportRejected.class, e -> {
            assertThat(e.errors()).extracting(LineError::line).containsExactly(2, 4, 5, 6, 7, 8);
            assertThat(e.errors()).extracting(LineError::field)
                    .containsExactly("uscc", "industryCode", "revenueWan", "uscc", "phone", null);
            assertThat(e.errors().get(0).reason()).contains("校验码");
            assertThat(e.errors().get(2).reason()).contains("不能为负数");
            assertThat(e.errors().get(3).reason()).contains("与第1行重复");
            assertThat(e.getStatusCode().value()).isEqualTo(400);
        });
    }

    @Test
    void rejectsMissingNameAndFractionalEmployees() {
        assertThatThrownBy(() -> read("{\"uscc\":\"91350100M000100Y43\"}\n{\"uscc\":\"913301061000001390\",\"name\":\"x\",\"employees\":1.5}"))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors())
                        .extracting(LineError::field).containsExactly("name", "employees"));
    }

    @Test
    void rejectsImportsLargerThanTheLimit() {
        assertThatThrownBy(() -> EnterpriseLines.read(new StringReader(GOOD + GOOD.replace("91350100M000100Y43", "913301061000001390")), 1))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors().get(0).reason()).contains("最多导入1家"));
    }
}
