package cn.zhice.bench.matching;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.Field;
import cn.zhice.matching.rules.Op;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.rules.RuleTree.All;
import cn.zhice.matching.rules.RuleTree.Any;
import cn.zhice.matching.rules.RuleTree.Condition;
import cn.zhice.matching.rules.RuleTree.Node;
import cn.zhice.matching.rules.RuleTree.Not;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Translates a rule tree into one PostgreSQL query over the {@code enterprise_facts} table that counts enterprises by
 * outcome with exactly the semantics of {@link RuleTree#evaluate}.
 *
 * <p>SQL's own three-valued logic cannot carry five condition outcomes, so each node evaluates to a one-hot integer
 * (UNMET 16, UNKNOWN 8, MANUAL 4, MET 2, NOT_APPLICABLE 1). {@code all} ORs its children's bits and looks the
 * winner up in a 32-entry array constant (UNMET before UNKNOWN before MANUAL before MET), {@code any} does the same
 * with MET first, and {@code not} swaps MET and UNMET through a third lookup; a lookup references its argument once,
 * so nested trees stay linear in size. Missing data is a NULL column, which a leaf turns into UNKNOWN before any
 * comparison. The query groups by the root's bits and the OR of the hard conditions' bits (at most 5 × 32 groups)
 * and maps each group to its eligibility like {@code RuleTree.eligibility(root, hard)}.
 */
final class SqlRuleTree {

    static final int UNMET = 16;
    static final int UNKNOWN = 8;
    static final int MANUAL = 4;
    static final int MET = 2;
    static final int NOT_APPLICABLE = 1;

    private static final String ALL = lookup(new int[] {UNMET, UNKNOWN, MANUAL, MET, NOT_APPLICABLE});
    private static final String ANY = lookup(new int[] {MET, UNKNOWN, MANUAL, UNMET, NOT_APPLICABLE});
    private static final String NOT = notLookup();

    private final Set<String> tracked;

    SqlRuleTree(Set<String> tracked) {
        this.tracked = tracked;
    }

    /** The query: one row per outcome present, {@code (eligibility text, n bigint)}. */
    String countsQuery(RuleTree tree) {
        String root = node(tree.root());
        List<String> hard = tree.conditions().stream().filter(Condition::hard).map(this::leaf).toList();
        String hardBits = hard.isEmpty() ? "0" : String.join(" | ", hard);
        return "select case"
                + " when h & " + UNMET + " <> 0 or r = " + UNMET + " then '" + Eligibility.NOT_ELIGIBLE + "'"
                + " when r = " + MET + " then '" + Eligibility.ELIGIBLE + "'"
                + " when r = " + UNKNOWN + " or h & " + UNKNOWN + " <> 0 then '" + Eligibility.NEEDS_DATA + "'"
                + " else '" + Eligibility.LIKELY + "' end as eligibility, sum(n)::bigint as n"
                + " from (select " + root + " as r, " + hardBits + " as h, count(*) as n from enterprise_facts group by 1, 2) g"
                + " group by 1";
    }

    /** The one-hot code of an outcome, as the query computes it. */
    static int code(ConditionOutcome o) {
        return switch (o) {
            case UNMET -> UNMET;
            case UNKNOWN -> UNKNOWN;
            case MANUAL -> MANUAL;
            case MET -> MET;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
        };
    }

    private String node(Node node) {
        if (node instanceof All a) {
            return "(" + ALL + ")[(" + a.children().stream().map(this::node).collect(Collectors.joining(" | ")) + ") + 1]";
        }
        if (node instanceof Any a) {
            return "(" + ANY + ")[(" + a.children().stream().map(this::node).collect(Collectors.joining(" | ")) + ") + 1]";
        }
        if (node instanceof Not n) {
            return "(" + NOT + ")[" + node(n.child()) + " + 1]";
        }
        return leaf((Condition) node);
    }

    private String leaf(Condition c) {
        if (c.op() == Op.EXISTS) {
            int yes = c.exists() ? MET : UNMET;
            int no = c.exists() ? UNMET : MET;
            return "(case when " + present(c.field()) + " then " + yes + " else " + no + " end)";
        }
        return switch (c.field()) {
            case SIZE -> "(case size_class when '?' then " + UNKNOWN + " when '-' then " + NOT_APPLICABLE
                    + " else case when size_class in (" + texts(c.texts()) + ") then " + MET + " else " + UNMET + " end end)";
            case INDUSTRY_CODE -> {
                List<String> coarser = new ArrayList<>();
                for (String rule : c.texts()) {
                    for (int len = 1; len < rule.length(); len++) {
                        coarser.add(rule.substring(0, len));
                    }
                }
                String met = c.texts().stream().map(t -> "starts_with(industry_code, " + literal(t) + ")")
                        .collect(Collectors.joining(" or "));
                yield "(case when industry_code is null then " + UNKNOWN + " when " + met + " then " + MET
                        + (coarser.isEmpty() ? "" : " when industry_code in (" + texts(coarser) + ") then " + UNKNOWN)
                        + " else " + UNMET + " end)";
            }
            case INDUSTRY_SECTION -> "(case when industry_code is null then " + UNKNOWN + " when left(industry_code, 1) in ("
                    + texts(c.texts()) + ") then " + MET + " else " + UNMET + " end)";
            case REGION -> "(case when region is null then " + UNKNOWN + " when "
                    + c.texts().stream().map(t -> "starts_with(region, " + literal(t) + ")").collect(Collectors.joining(" or "))
                    + " then " + MET + " else " + UNMET + " end)";
            case REGISTRATION_TYPE -> "(case when registration_type is null then " + UNKNOWN + " when registration_type in ("
                    + texts(c.texts()) + ") then " + MET + " else " + UNMET + " end)";
            case TAGS -> {
                List<String> perTag = c.texts().stream().map(this::tag).toList();
                yield perTag.size() == 1 ? perTag.get(0) : "(" + ANY + ")[(" + String.join(" | ", perTag) + ") + 1]";
            }
            default -> number(c);
        };
    }

    private String tag(String tag) {
        boolean decidable = tracked.contains(tag) || tag.equals(Facts.SMALL_OR_MICRO) || tag.equals(Facts.ABOVE_SCALE_INDUSTRY);
        String t = literal(tag);
        return "(case when " + t + " = any(tags) then " + MET + " when " + t + " = any(unknown_tags) then " + UNKNOWN
                + (decidable ? " else " + UNMET : " when " + t + " = any(expired_tags) then " + UNMET + " else " + MANUAL)
                + " end)";
    }

    private static String number(Condition c) {
        String column = column(c.field());
        String v0 = c.numbers().get(0).toPlainString();
        String test = switch (c.op()) {
            case GTE -> column + " >= " + v0;
            case LTE -> column + " <= " + v0;
            case GT -> column + " > " + v0;
            case LT -> column + " < " + v0;
            default -> column + " in (" + c.numbers().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ")) + ")";
        };
        return "(case when " + column + " is null then " + UNKNOWN + " when " + test + " then " + MET + " else " + UNMET + " end)";
    }

    private static String present(Field field) {
        return switch (field) {
            case SIZE -> "size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')";
            case INDUSTRY_CODE, INDUSTRY_SECTION -> "industry_code is not null";
            case REGION -> "region is not null";
            case REGISTRATION_TYPE -> "registration_type is not null";
            case TAGS -> "cardinality(tags) > 0";
            default -> column(field) + " is not null";
        };
    }

    private static String column(Field field) {
        return switch (field) {
            case EMPLOYEES -> "employees";
            case REVENUE -> "revenue_wan";
            case ASSETS -> "assets_wan";
            case AGE -> "age_years";
            default -> throw new IllegalArgumentException(field.key());
        };
    }

    private static String texts(List<String> values) {
        return values.stream().map(SqlRuleTree::literal).collect(Collectors.joining(", "));
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    // For every OR of children's bits (0..31), the bit that wins under the given precedence.
    private static String lookup(int[] precedence) {
        List<String> entries = new ArrayList<>();
        for (int mask = 0; mask < 32; mask++) {
            int winner = NOT_APPLICABLE;
            for (int bit : precedence) {
                if ((mask & bit) != 0) {
                    winner = bit;
                    break;
                }
            }
            entries.add(String.valueOf(winner));
        }
        return "'{" + String.join(",", entries) + "}'::int[]";
    }

    private static String notLookup() {
        List<String> entries = new ArrayList<>();
        for (int code = 0; code < 32; code++) {
            entries.add(String.valueOf(code == MET ? UNMET : code == UNMET ? MET : code));
        }
        return "'{" + String.join(",", entries) + "}'::int[]";
    }
}
