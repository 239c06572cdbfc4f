package cn.zhice.kb.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.store.EntryCodec;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EntryValidatorTest {

    private static final EntryCodec CODEC = new EntryCodec();

    /** The example rule tree of docs/kb-format.md. */
    private static final String DOCUMENTED_TREE = """
            {"all": [
              {"field": "region", "op": "eq", "value": "滨江市青禾区", "hard": true, "note": "注册地在青禾区"},
              {"field": "size", "op": "in", "value": ["SMALL", "MICRO"], "note": "小微企业"},
              {"any": [
                {"field": "tags", "op": "contains", "value": "高新技术企业"},
                {"field": "tags", "op": "contains", "value": "科技型中小企业"}]}]}""";

    private final EntryValidator validator = new EntryValidator();

    @Test
    void acceptsCompletePolicyGuideAndFaq() {
        assertThat(validator.problems(policy("科技", null))).isEmpty();
        assertThat(validator.problems(entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记", "其他", null, null, null, null)))
                .isEmpty();
        assertThat(validator.problems(entry("QH-FAQ-001", EntryKind.FAQ, "政务公开是什么？", "其他", "政务公开是指……", null, null, null)))
                .isEmpty();
    }

    @Test
    void reportsEveryMissingRequiredField() {
        List<FieldProblem> problems = validator.problems(entry(null, null, " ", null, null, null, null, null));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("externalId", "kind", "title");
        assertThat(problems).extracting(FieldProblem::message).allSatisfy(message -> assertThat(message).contains("必填"));
    }

    @Test
    void rejectsTitleLongerThan500Characters() {
        assertThat(validator.problems(entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "办".repeat(500), null, null, null, null, null)))
                .isEmpty();
        assertThat(validator.problems(entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "办".repeat(501), null, null, null, null, null)))
                .extracting(FieldProblem::field).containsExactly("title");
    }

    @Test
    void requiresPolicyToUseOneOfTheSevenPolicyCategories() {
        for (String label : List.of("人才", "财政", "税务", "融资", "土地", "创新", "科技")) {
            assertThat(validator.problems(policy(label, null))).as(label).isEmpty();
        }
        assertThat(validator.problems(policy(null, null))).extracting(FieldProblem::field).containsExactly("category");
        assertThat(validator.problems(policy("其他", null))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("政策文件"));
    }

    @Test
    void rejectsUnknownCategoryForAnyKind() {
        assertThat(validator.problems(entry("QH-FAQ-001", EntryKind.FAQ, "政务公开是什么？", "教育", "政务公开是指……", null, null, null)))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("category");
                    assertThat(problem.message()).contains("人才", "其他");
                });
    }

    @Test
    void requiresAnswerForFaq() {
        assertThat(validator.problems(entry("QH-FAQ-001", EntryKind.FAQ, "政务公开是什么？", "其他", "  ", null, null, null)))
                .extracting(FieldProblem::field).containsExactly("answer");
    }

    @Test
    void rejectsValidityWindowEndingBeforeItStarts() {
        LocalDate start = LocalDate.of(2025, 3, 1);

        assertThat(validator.problems(entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记", null, null, start, start.minusDays(1), null)))
                .extracting(FieldProblem::field).containsExactly("validTo");
        assertThat(validator.problems(entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记", null, null, start, start, null)))
                .isEmpty();
    }

    @Test
    void restrictsExternalIdToLettersDigitsAndSeparators() {
        assertThat(validator.problems(entry("qh.sg_001:v2/a-b", EntryKind.SERVICE_GUIDE, "企业设立登记", null, null, null, null, null)))
                .isEmpty();
        for (String id : List.of("QH SG 001", "QH#001", "QH-SG-001\n", "a".repeat(201))) {
            assertThat(validator.problems(entry(id, EntryKind.SERVICE_GUIDE, "企业设立登记", null, null, null, null, null)))
                    .as(id).extracting(FieldProblem::field).containsExactly("externalId");
        }
    }

    @Test
    void reportsBlankKeywordByIndex() {
        Entry entry = new Entry("QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记", null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of("开公司", " "), null, null, null, null);

        assertThat(validator.problems(entry)).extracting(FieldProblem::field).containsExactly("keywords[1]");
    }

    @Test
    void acceptsDocumentedEligibilityTree() {
        assertThat(validator.problems(policy("科技", DOCUMENTED_TREE))).isEmpty();
        assertThat(validator.problems(policy("科技", "{\"not\": {\"field\": \"tags\", \"op\": \"exists\"}}"))).isEmpty();
    }

    @Test
    void reportsUnknownPropertyOfConditionWithItsPath() {
        String tree = DOCUMENTED_TREE.replace("\"note\": \"小微企业\"", "\"weight\": 2");

        assertThat(validator.problems(policy("科技", tree))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("eligibility.all[1].weight");
                    assertThat(problem.message()).contains("field、op、value、hard、note");
                });
    }

    @Test
    void reportsUnknownRuleFieldWithItsPath() {
        String tree = "{\"any\": [{\"not\": {\"field\": \"colour\", \"op\": \"eq\", \"value\": \"red\"}}]}";

        assertThat(validator.problems(policy("科技", tree))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("eligibility.any[0].not.field");
                    assertThat(problem.message()).contains("industryCode", "revenueWan");
                });
    }

    @Test
    void requiresArrayValueForInAndContainsAny() {
        String in = DOCUMENTED_TREE.replace("[\"SMALL\", \"MICRO\"]", "\"SMALL\"");
        String containsAny = "{\"field\": \"tags\", \"op\": \"containsAny\", \"value\": \"高新技术企业\"}";

        assertThat(validator.problems(policy("科技", in))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("eligibility.all[1].value");
                    assertThat(problem.message()).contains("in", "数组");
                });
        assertThat(validator.problems(policy("科技", containsAny))).extracting(FieldProblem::field)
                .containsExactly("eligibility.value");
    }

    @Test
    void requiresValueExceptForExists() {
        assertThat(validator.problems(policy("科技", "{\"field\": \"employees\", \"op\": \"gte\"}")))
                .extracting(FieldProblem::field).containsExactly("eligibility.value");
    }

    @Test
    void requiresBooleanHard() {
        assertThat(validator.problems(policy("科技", DOCUMENTED_TREE.replace("\"hard\": true", "\"hard\": \"yes\""))))
                .extracting(FieldProblem::field).containsExactly("eligibility.all[0].hard");
    }

    @Test
    void rejectsNotWithExtraKeys() {
        String tree = "{\"not\": {\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}, \"note\": \"大型企业除外\"}";

        assertThat(validator.problems(policy("科技", tree))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("eligibility");
                    assertThat(problem.message()).contains("not");
                });
    }

    @Test
    void rejectsEmptyAll() {
        assertThat(validator.problems(policy("科技", "{\"all\": []}"))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("eligibility.all");
                    assertThat(problem.message()).contains("非空数组");
                });
    }

    @Test
    void rejectsRuleNodeThatIsNotAnObject() {
        assertThat(validator.problems(policy("科技", "{\"any\": [\"高新技术企业\"]}")))
                .extracting(FieldProblem::field).containsExactly("eligibility.any[0]");
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        Entry invalid = entry("QH POL", EntryKind.POLICY, "", "其他", null, null, null, null);

        assertThatThrownBy(() -> validator.requireValid(invalid))
                .isInstanceOfSatisfying(InvalidEntry.class, thrown -> assertThat(thrown.getBody().getProperties())
                        .containsEntry("externalId", "QH POL")
                        .extractingByKey("errors").asInstanceOf(LIST)
                        .hasSize(3));
    }

    private static Entry policy(String category, String eligibility) {
        return entry("QH-POL-KJ-01", EntryKind.POLICY, "高新技术企业认定奖励办法", category, null, null, null, eligibility);
    }

    private static Entry entry(String externalId, EntryKind kind, String title, String category, String answer,
            LocalDate validFrom, LocalDate validTo, String eligibility) {
        JsonNode tree = eligibility == null ? null : CODEC.mapper().readTree(eligibility);
        return new Entry(externalId, kind, title, null, null, category, null, null, null, null, validFrom, validTo,
                null, null, null, null, null, null, answer, null, tree);
    }
}
