package cn.zhice.matching.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RuleTreeTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "规上企业");

    static RuleTree tree(String text) {
        return RuleTree.parse(json.readTree(text));
    }

    static EnterpriseProfile profile(String code, Integer employees, String revenue, String assets, String region,
            LocalDate registeredOn, CertifiedTag... tags) {
        return new EnterpriseProfile(Uscc.parse("91350100M000100Y43"), "青禾测试科技有限公司", null,
                code == null ? null : IndustryCode.parse(code), null, region, registeredOn, employees,
                revenue == null ? null : new BigDecimal(revenue), assets == null ? null : new BigDecimal(assets),
                List.of(tags), null, null);
    }

    static EnterpriseProfile smallFactory(CertifiedTag... tags) {
        return profile("C39", 120, "3000", "800", "滨江市青禾区", LocalDate.of(2019, 5, 10), tags);
    }

    static CertifiedTag tag(String name, LocalDate validTo) {
        return new CertifiedTag(name, "国家级", "GR2024001", LocalDate.of(2024, 1, 1), validTo);
    }

    static Verdict evaluate(String tree, EnterpriseProfile profile) {
        return tree(tree).evaluate(Facts.of(profile, TODAY, classifier), TRACKED);
    }

    // --- parsing and validation

    @Test
    void parsesEveryDemoPolicyTree() throws Exception {
        int trees = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/demo/policies.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode eligibility = json.readTree(line).get("eligibility");
                if (eligibility != null) {
                    assertThat(RuleTree.parse(eligibility).conditions()).isNotEmpty();
                    trees++;
                }
            }
        }
        assertThat(trees).isGreaterThan(40);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"all\": [{\"field\": \"size\", \"op\": \"in\", \"value\": [\"SMALL\", \"TINY\"]}]} | $.all[0].value[1]",
        "{\"all\": [{\"any\": [{\"field\": \"color\", \"op\": \"eq\", \"value\": \"red\"}]}]} | $.all[0].any[0].field",
        "{\"any\": [{\"field\": \"employees\", \"op\": \"contains\", \"value\": 3}]} | $.any[0].op",
        "{\"any\": [{\"field\": \"employees\", \"op\": \"gte\", \"value\": \"300\"}]} | $.any[0].value",
        "{\"not\": {\"field\": \"tags\", \"op\": \"containsAny\", \"value\": []}} | $.not.value",
        "{\"all\": []} | $.all",
        "{\"all\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\", \"weight\": 2}]} | $.all[0].weight",
        "{\"all\": [{\"field\": \"industryCode\", \"op\": \"in\", \"value\": [\"C39\", \"Z99\"]}]} | $.all[0].value[1]",
        "{\"all\": [{\"field\": \"industrySection\", \"op\": \"eq\", \"value\": \"CC\"}]} | $.all[0].value",
        "{\"all\": [{\"field\": \"registrationType\", \"op\": \"eq\", \"value\": \"公司\"}]} | $.all[0].value",
        "{\"all\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\", \"hard\": \"yes\"}]} | $.all[0].hard",
        "{\"all\": [{\"field\": \"region\", \"op\": \"eq\"}]} | $.all[0].value",
        "{\"all\": [{\"field\": \"region\", \"op\": \"in\", \"value\": \"滨江市\"}]} | $.all[0].value",
        "{\"all\": [42]} | $.all[0]",
        "{\"some\": []} | $.some"})
    void rejectsInvalidTreeNamingThePathOfTheBadNode(String tree, String path) {
        assertThatThrownBy(() -> tree(tree)).isInstanceOfSatisfying(InvalidRuleTree.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getStatusCode().value()).isEqualTo(400);
        });
    }

    @Test
    void rejectsMissingTree() {
        assertThatThrownBy(() -> RuleTree.parse(null)).isInstanceOf(InvalidRuleTree.class);
    }

    // --- condition outcomes

    @Test
    void meetsConditionsTheProfileSatisfies() {
        Verdict v = evaluate("""
                {"all": [
                  {"field": "region", "op": "eq", "value": "滨江市青禾区", "hard": true, "note": "注册地在青禾区"},
                  {"field": "size", "op": "in", "value": ["SMALL", "MICRO"]},
                  {"field": "industrySection", "op": "eq", "value": "C"},
                  {"field": "industryCode", "op": "in", "value": ["C38", "C39"]},
                  {"field": "registrationType", "op": "eq", "value": "企业法人"},
                  {"field": "employees", "op": "lte", "value": 300},
                  {"field": "revenueWan", "op": "gte", "value": 2000},
                  {"field": "assetsWan", "op": "lt", "value": 5000},
                  {"field": "ageYears", "op": "gte", "value": 5},
                  {"field": "tags", "op": "contains", "value": "小微企业"},
                  {"field": "tags", "op": "contains", "value": "规上工业"},
                  {"field": "tags", "op": "contains", "value": "高新技术企业"}]}""",
                smallFactory(tag("高新技术企业", LocalDate.of(2026, 12, 31))));

        assertThat(v.conditions()).extracting(Verdict.ConditionResult::outcome).containsOnly(ConditionOutcome.MET);
        assertThat(v.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void reportsUnknownWhenTheProfileLacksTheField() {
        Verdict v = evaluate("""
                {"all": [{"field": "revenueWan", "op": "gte", "value": 500}, {"field": "ageYears", "op": "gte", "value": 1}]}""",
                profile("C39", 50, null, null, "滨江市青禾区", null));

        assertThat(v.conditions()).extracting(Verdict.ConditionResult::outcome)
                .containsExactly(ConditionOutcome.UNKNOWN, ConditionOutcome.UNKNOWN);
        assertThat(v.eligibility()).isEqualTo(Eligibility.NEEDS_DATA);
        assertThat(v.explanation()).contains("结论：需补充信息", "企业画像缺少营业收入", "缺少数据");
    }

    @Test
    void reportsSizeUnknownWhenAnIndicatorTheRowNeedsIsMissing() {
        Verdict v = evaluate("{\"field\": \"size\", \"op\": \"in\", \"value\": [\"SMALL\", \"MICRO\"]}",
                profile("C39", 50, null, null, "滨江市青禾区", null));

        assertThat(v.root()).isEqualTo(ConditionOutcome.UNKNOWN);
        assertThat(v.conditions().get(0).actual()).contains("营业收入（revenueWan）");
    }

    @Test
    void reportsSizeNotApplicableForFinance() {
        Verdict v = evaluate("{\"all\": [{\"field\": \"size\", \"op\": \"in\", \"value\": [\"SMALL\", \"MICRO\"]},"
                        + " {\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市青禾区\"}]}",
                profile("J66", 50, "100", null, "滨江市青禾区", null));

        assertThat(v.conditions().get(0).outcome()).isEqualTo(ConditionOutcome.NOT_APPLICABLE);
        assertThat(v.conditions().get(0).actual()).contains("金融业");
        assertThat(v.root()).isEqualTo(ConditionOutcome.MET);
    }

    @Test
    void leavesTagsProfilesDoNotRecordToStaff() {
        Verdict v = evaluate("{\"all\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市青禾区\"},"
                + " {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"享受研发费用加计扣除\"}]}", smallFactory());

        assertThat(v.conditions().get(1).outcome()).isEqualTo(ConditionOutcome.MANUAL);
        assertThat(v.eligibility()).isEqualTo(Eligibility.LIKELY);
        assertThat(v.explanation()).contains("可能符合", "需人工审核");
    }

    @Test
    void countsATrackedTagTheEnterpriseLacksAsUnmet() {
        Verdict v = evaluate("{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"科技型中小企业\"}", smallFactory());

        assertThat(v.root()).isEqualTo(ConditionOutcome.UNMET);
        assertThat(v.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void dropsCertificatesAfterTheirEndDate() {
        Verdict v = evaluate("{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"高新技术企业\"}",
                smallFactory(tag("高新技术企业", LocalDate.of(2026, 11, 22))));

        assertThat(v.root()).isEqualTo(ConditionOutcome.UNMET);
        assertThat(v.conditions().get(0).actual()).contains("证书已于2026-11-22到期");
    }

    @Test
    void keepsCertificatesOnTheirEndDate() {
        Verdict v = evaluate("{\"field\": \"tags\", \"op\": \"contains\", \"value\": \"高新技术企业\"}",
                smallFactory(tag("高新技术企业", TODAY)));

        assertThat(v.root()).isEqualTo(ConditionOutcome.MET);
    }

    @Test
    void matchesContainsAnyWhenOneTagIsPresent() {
        Verdict v = evaluate("{\"field\": \"tags\", \"op\": \"containsAny\", \"value\": [\"科技型中小企业\", \"高新技术企业\"]}",
                smallFactory(tag("高新技术企业", null)));

        assertThat(v.root()).isEqualTo(ConditionOutcome.MET);
    }

    @Test
    void matchesIndustryCodeByPrefixAndAsksForDetailWhenTheProfileIsCoarser() {
        assertThat(evaluate("{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"C39\"}",
                profile("C3911", 50, "100", null, null, null)).root()).isEqualTo(ConditionOutcome.MET);
        assertThat(evaluate("{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"C3911\"}",
                profile("C39", 50, "100", null, null, null)).root()).isEqualTo(ConditionOutcome.UNKNOWN);
        assertThat(evaluate("{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"I65\"}",
                profile("C39", 50, "100", null, null, null)).root()).isEqualTo(ConditionOutcome.UNMET);
    }

    @Test
    void matchesARegionAndEveryRegionInsideIt() {
        assertThat(evaluate("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\"}", smallFactory()).root())
                .isEqualTo(ConditionOutcome.MET);
        assertThat(evaluate("{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市东湖区\"}", smallFactory()).root())
                .isEqualTo(ConditionOutcome.UNMET);
    }

    @Test
    void existsIsNeverUnknown() {
        EnterpriseProfile noRevenue = profile("C39", 50, null, null, null, null);
        assertThat(evaluate("{\"field\": \"revenueWan\", \"op\": \"exists\"}", noRevenue).root()).isEqualTo(ConditionOutcome.UNMET);
        assertThat(evaluate("{\"field\": \"revenueWan\", \"op\": \"exists\", \"value\": false}", noRevenue).root())
                .isEqualTo(ConditionOutcome.MET);
    }

    @ParameterizedTest
    @CsvSource({"gte, 120, MET", "gt, 120, UNMET", "lte, 120, MET", "lt, 120, UNMET", "eq, 120, MET", "gte, 121, UNMET"})
    void comparesNumbersAtTheBoundary(String op, int value, ConditionOutcome expected) {
        Verdict v = evaluate("{\"field\": \"employees\", \"op\": \"" + op + "\", \"value\": " + value + "}", smallFactory());
        assertThat(v.root()).isEqualTo(expected);
    }

    // --- derived fields

    @Test
    void derivesAgeInFullYears() {
        EnterpriseProfile p = profile("C39", 50, "100", null, null, LocalDate.of(2021, 11, 24));
        assertThat(Facts.of(p, TODAY, classifier).ageYears()).isEqualTo(4);
        assertThat(Facts.of(p, TODAY.plusDays(1), classifier).ageYears()).isEqualTo(5);
    }

    @Test
    void derivesAboveScaleIndustryFromTwoThousandWanRevenue() {
        assertThat(Facts.of(profile("C39", 50, "2000", null, null, null), TODAY, classifier).tags()).contains("规上工业");
        assertThat(Facts.of(profile("C39", 50, "1999.99", null, null, null), TODAY, classifier).tags()).doesNotContain("规上工业");
        assertThat(Facts.of(profile("I65", 50, "5000", null, null, null), TODAY, classifier).tags()).doesNotContain("规上工业");
        assertThat(Facts.of(profile("C39", 50, null, null, null, null), TODAY, classifier).unknownTags()).contains("规上工业");
    }

    @Test
    void derivesSmallOrMicroFromTheSizeClass() {
        Facts medium = Facts.of(profile("C39", 300, "2000", null, null, null), TODAY, classifier);
        Facts small = Facts.of(profile("C39", 299, "2000", null, null, null), TODAY, classifier);

        assertThat(medium.size()).isEqualTo(SizeClass.MEDIUM);
        assertThat(medium.tags()).doesNotContain("小微企业");
        assertThat(small.tags()).contains("小微企业");
    }

    // --- policy outcomes

    @Test
    void rulesOutOnAnUnmetHardConditionEvenInsideAny() {
        Verdict v = evaluate("{\"any\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市东湖区\", \"hard\": true},"
                + " {\"field\": \"employees\", \"op\": \"gte\", \"value\": 1}]}", smallFactory());

        assertThat(v.root()).isEqualTo(ConditionOutcome.MET);
        assertThat(v.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(v.explanation()).contains("【必须】");
    }

    @Test
    void needsDataWhenAHardConditionIsUnknownAndTheRestNeedsReview() {
        Verdict v = evaluate("{\"all\": [{\"field\": \"revenueWan\", \"op\": \"gte\", \"value\": 1, \"hard\": true},"
                + " {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"A类人才\"}]}", profile("C39", 50, null, null, null, null));

        assertThat(v.eligibility()).isEqualTo(Eligibility.NEEDS_DATA);
    }

    @Test
    void anUnmetConditionOutweighsMissingDataInAll() {
        Verdict v = evaluate("{\"all\": [{\"field\": \"revenueWan\", \"op\": \"gte\", \"value\": 1},"
                + " {\"field\": \"employees\", \"op\": \"gte\", \"value\": 1000}]}", profile("C39", 50, null, null, null, null));

        assertThat(v.root()).isEqualTo(ConditionOutcome.UNMET);
        assertThat(v.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void aMetConditionOutweighsMissingDataInAny() {
        Verdict v = evaluate("{\"any\": [{\"field\": \"revenueWan\", \"op\": \"gte\", \"value\": 1},"
                + " {\"field\": \"employees\", \"op\": \"gte\", \"value\": 10}]}", profile("C39", 50, null, null, null, null));

        assertThat(v.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void notInvertsMetAndUnmetButKeepsUnknown() {
        assertThat(evaluate("{\"not\": {\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}}", smallFactory()).eligibility())
                .isEqualTo(Eligibility.ELIGIBLE);
        assertThat(evaluate("{\"not\": {\"field\": \"revenueWan\", \"op\": \"gte\", \"value\": 1}}",
                profile("C39", 50, null, null, null, null)).root()).isEqualTo(ConditionOutcome.UNKNOWN);
    }

    @Test
    void combinesOutcomesByPrecedence() {
        assertThat(RuleTree.all(List.of(ConditionOutcome.MET, ConditionOutcome.NOT_APPLICABLE))).isEqualTo(ConditionOutcome.MET);
        assertThat(RuleTree.all(List.of(ConditionOutcome.MANUAL, ConditionOutcome.UNKNOWN))).isEqualTo(ConditionOutcome.UNKNOWN);
        assertThat(RuleTree.all(List.of(ConditionOutcome.NOT_APPLICABLE))).isEqualTo(ConditionOutcome.NOT_APPLICABLE);
        assertThat(RuleTree.any(List.of(ConditionOutcome.UNMET, ConditionOutcome.MANUAL))).isEqualTo(ConditionOutcome.MANUAL);
        assertThat(RuleTree.any(List.of(ConditionOutcome.UNMET, ConditionOutcome.NOT_APPLICABLE))).isEqualTo(ConditionOutcome.UNMET);
    }

    @Test
    void explainsEveryConditionWithItsNoteAndOutcome() {
        Verdict v = evaluate("""
                {"all": [
                  {"field": "region", "op": "eq", "value": "滨江市青禾区", "note": "注册地在青禾区"},
                  {"field": "revenueWan", "op": "gte", "value": 5000, "note": "上年度营业收入5000万元以上"}]}""",
                smallFactory());

        assertThat(v.explanation()).isEqualTo("""
                结论：不符合条件。
                1. 注册地在青禾区：注册地为滨江市青禾区（企业：滨江市青禾区）—— 满足
                2. 上年度营业收入5000万元以上：营业收入 ≥ 5000万元（企业：3000万元）—— 不满足""");
    }
}
