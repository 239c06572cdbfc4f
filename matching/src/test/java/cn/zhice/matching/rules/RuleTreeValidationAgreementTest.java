package cn.zhice.matching.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.curation.EntryValidator;
import cn.zhice.kb.curation.FieldProblem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base validates eligibility trees on import with its own code (kb cannot depend on matching). Every
 * tree it accepts must parse here, and every tree it rejects must be rejected here at a path it names.
 */
class RuleTreeValidationAgreementTest {

    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final EntryValidator validator = new EntryValidator();

    static List<String> eligibilityProblems(JsonNode tree) {
        Entry entry = new Entry("QH-TEST-1", EntryKind.POLICY, "测试政策", null, null, "财政", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, tree);
        List<String> paths = new ArrayList<>();
        for (FieldProblem problem : validator.problems(entry)) {
            if (problem.field().startsWith("eligibility")) {
                paths.add("$" + problem.field().substring("eligibility".length()));
            }
        }
        return paths;
    }

    @Test
    void bothAcceptEveryDemoPolicyTree() throws Exception {
        int trees = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/demo/policies.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode tree = JSON.readTree(line).get("eligibility");
                if (tree == null) {
                    continue;
                }
                trees++;
                assertThat(eligibilityProblems(tree)).as(tree.toString()).isEmpty();
                assertThatCode(() -> RuleTree.parse(tree)).as(tree.toString()).doesNotThrowAnyException();
            }
        }
        assertThat(trees).isGreaterThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"field\": \"tags\", \"op\": \"exists\"}",
        "{\"field\": \"tags\", \"op\": \"exists\", \"value\": false, \"hard\": false, \"note\": \"无资质\"}",
        "{\"not\": {\"not\": {\"field\": \"industryCode\", \"op\": \"in\", \"value\": [\"c39\", \"5211\", \"E\", \" I65 \"]}}}",
        "{\"any\": [{\"field\": \"employees\", \"op\": \"in\", \"value\": [1, 2.5]}, {\"field\": \"ageYears\", \"op\": \"lt\", \"value\": 0}]}",
        "{\"field\": \"registrationType\", \"op\": \"in\", \"value\": [\"个体工商户\", \"农民专业合作社\", \"事业单位法人\"]}",
        "{\"field\": \"industrySection\", \"op\": \"eq\", \"value\": \"T\"}",
        "{\"field\": \"tags\", \"op\": \"containsAny\", \"value\": [\"A类人才\", \"专精特新\\\"小巨人\\\"\"]}"
    })
    void bothAcceptUnusualButValidTrees(String text) {
        JsonNode tree = JSON.readTree(text);

        assertThat(eligibilityProblems(tree)).isEmpty();
        assertThatCode(() -> RuleTree.parse(tree)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "\"高新技术企业\"",
        "{}",
        "{\"all\": []}",
        "{\"any\": {}}",
        "{\"all\": [42]}",
        "{\"all\": [{\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}], \"note\": \"x\"}",
        "{\"all\": [{\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}], \"any\": []}",
        "{\"not\": {\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}, \"hard\": true}",
        "{\"op\": \"eq\", \"value\": 1}",
        "{\"all\": [{\"field\": \"colour\", \"op\": \"eq\", \"value\": \"red\"}]}",
        "{\"all\": [{\"field\": 3, \"op\": \"eq\", \"value\": \"red\"}]}",
        "{\"field\": \"size\", \"op\": \"between\", \"value\": \"LARGE\"}",
        "{\"field\": \"size\", \"value\": \"LARGE\"}",
        "{\"field\": \"size\", \"op\": \"gte\", \"value\": \"LARGE\"}",
        "{\"field\": \"employees\", \"op\": \"contains\", \"value\": 3}",
        "{\"field\": \"tags\", \"op\": \"eq\", \"value\": \"高新技术企业\"}",
        "{\"field\": \"region\", \"op\": \"eq\"}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": null}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"\"}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": [\"滨江市\"]}",
        "{\"field\": \"region\", \"op\": \"in\", \"value\": \"滨江市\"}",
        "{\"field\": \"size\", \"op\": \"in\", \"value\": []}",
        "{\"field\": \"size\", \"op\": \"in\", \"value\": [\"SMALL\", \"TINY\"]}",
        "{\"field\": \"size\", \"op\": \"eq\", \"value\": \"small\"}",
        "{\"field\": \"employees\", \"op\": \"gte\", \"value\": \"300\"}",
        "{\"field\": \"employees\", \"op\": \"in\", \"value\": [1, \"2\"]}",
        "{\"field\": \"industryCode\", \"op\": \"in\", \"value\": [\"C39\", \"Z99\"]}",
        "{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"C65\"}",
        "{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"98\"}",
        "{\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"C39111\"}",
        "{\"field\": \"industrySection\", \"op\": \"eq\", \"value\": \"CC\"}",
        "{\"field\": \"industrySection\", \"op\": \"eq\", \"value\": \"Z\"}",
        "{\"field\": \"registrationType\", \"op\": \"eq\", \"value\": \"公司\"}",
        "{\"field\": \"tags\", \"op\": \"containsAny\", \"value\": [\"高新技术企业\", 3]}",
        "{\"field\": \"tags\", \"op\": \"exists\", \"value\": \"yes\"}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\", \"hard\": \"yes\"}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\", \"note\": 3}",
        "{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\", \"weight\": 2}",
        "{\"any\": [{\"all\": [{\"not\": {\"field\": \"ageYears\", \"op\": \"gte\", \"value\": true}}]}]}"
    })
    void bothRejectInvalidTreesAtTheSamePath(String text) {
        JsonNode tree = JSON.readTree(text);

        InvalidRuleTree rejected = catchThrowableOfType(InvalidRuleTree.class, () -> RuleTree.parse(tree));

        assertThat(rejected).as("RuleTree.parse accepted %s", text).isNotNull();
        assertThat(eligibilityProblems(tree)).as("kb problems for %s", text).contains(rejected.path());
    }
}
