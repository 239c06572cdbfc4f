package cn.zhice.matching.rules;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.rules.RuleTree.Condition;
import java.util.List;

/**
 * The outcome of a rule tree for one enterprise: the policy outcome, the root's five-valued outcome, each condition
 * with its outcome, and the Chinese explanation listing them.
 */
public record Verdict(Eligibility eligibility, ConditionOutcome root, List<ConditionResult> conditions, String explanation) {

    /**
     * One leaf's outcome.
     *
     * @param actual what the enterprise's profile says, or why it cannot say, in Chinese
     */
    public record ConditionResult(Condition condition, ConditionOutcome outcome, String actual) {

        /** One line of the explanation, e.g. “营业收入 ≥ 2000万元（企业：3000万元）：满足”. */
        public String line() {
            Condition c = condition;
            return (c.note() == null ? "" : c.note() + "：") + c.describe() + (c.hard() ? "【必须】" : "")
                    + "（企业：" + actual + "）—— " + outcome.label();
        }
    }

    static String explain(Eligibility eligibility, List<ConditionResult> results) {
        StringBuilder why = new StringBuilder("结论：").append(eligibility.label()).append("。");
        for (int i = 0; i < results.size(); i++) {
            why.append("\n").append(i + 1).append(". ").append(results.get(i).line());
        }
        return why.toString();
    }
}
