package cn.zhice.matching.rules;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.RegistrationType;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.UnknownIndustryCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A policy's eligibility rule tree (适用条件), parsed and validated: {@code all}, {@code any}, {@code not} and leaf
 * conditions as in docs/kb-format.md. Evaluates five-valued per condition and four-valued per policy, with a Chinese
 * explanation listing each condition and its outcome.
 */
public final class RuleTree {

    /** A node of the tree. */
    public sealed interface Node permits All, Any, Not, Condition {}

    /** {@code {"all": [...]}}: every child must hold. */
    public record All(List<Node> children) implements Node {}

    /** {@code {"any": [...]}}: at least one child must hold. */
    public record Any(List<Node> children) implements Node {}

    /** {@code {"not": {...}}}: the child must not hold. */
    public record Not(Node child) implements Node {}

    /**
     * A leaf.
     *
     * @param path    where it is in the tree, e.g. {@code $.all[1]}
     * @param texts   the values for category and tag fields (one for eq/contains), normalised
     * @param numbers the values for number fields
     * @param exists  for {@code exists}: whether the field must be present (true) or absent (false)
     * @param hard    a knockout condition: unmet means not eligible whatever else holds
     * @param note    the clause of the policy the condition comes from
     */
    public record Condition(String path, Field field, Op op, List<String> texts, List<BigDecimal> numbers,
            boolean exists, boolean hard, String note) implements Node {

        /** The condition in Chinese, e.g. 营业收入 ≥ 2000万元. */
        public String describe() {
            if (op == Op.EXISTS) {
                return field.label() + (exists ? "已填写" : "未填写");
            }
            String values = field.kind() == Field.Kind.NUMBER
                    ? numbers.stream().map(n -> n.stripTrailingZeros().toPlainString() + field.unit())
                            .collect(Collectors.joining("、"))
                    : texts.stream().map(t -> field == Field.SIZE ? SizeClass.valueOf(t).label() + "企业" : t)
                            .collect(Collectors.joining("、"));
            String sep = op.ordered() ? " " : "";
            return field.label() + sep + op.label() + sep + values;
        }
    }

    private final Node root;
    private final List<Condition> conditions;
    private final Condition[] hardConditions;

    private RuleTree(Node root) {
        this.root = root;
        List<Condition> all = new ArrayList<>();
        visit(root, all::add);
        this.conditions = List.copyOf(all);
        this.hardConditions = all.stream().filter(Condition::hard).toArray(Condition[]::new);
    }

    /** The root node. */
    public Node root() {
        return root;
    }

    /** The leaves in document order. */
    public List<Condition> conditions() {
        return conditions;
    }

    private static void visit(Node node, Consumer<Condition> leaf) {
        if (node instanceof All a) {
            a.children().forEach(c -> visit(c, leaf));
        } else if (node instanceof Any a) {
            a.children().forEach(c -> visit(c, leaf));
        } else if (node instanceof Not n) {
            visit(n.child(), leaf);
        } else {
            leaf.accept((Condition) node);
        }
    }

    /**
     * Parses and validates a rule tree.
     *
     * @throws InvalidRuleTree naming the path of the first bad node
     */
    public static RuleTree parse(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            throw new InvalidRuleTree("$", "适用条件为空");
        }
        return new RuleTree(node(json, "$"));
    }

    private static Node node(JsonNode json, String path) {
        if (!json.isObject()) {
            throw new InvalidRuleTree(path, "节点应为对象");
        }
        // Paths and precedence follow the knowledge base's own validator (kb EntryValidator), which must agree.
        if (json.has("all") || json.has("any")) {
            String key = json.has("all") ? "all" : "any";
            if (json.size() != 1) {
                throw new InvalidRuleTree(path, "“" + key + "”节点不能有其他属性");
            }
            JsonNode list = json.get(key);
            if (!list.isArray() || list.isEmpty()) {
                throw new InvalidRuleTree(path + "." + key, key + "应为非空数组");
            }
            List<Node> children = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                children.add(node(list.get(i), path + "." + key + "[" + i + "]"));
            }
            return key.equals("all") ? new All(List.copyOf(children)) : new Any(List.copyOf(children));
        }
        if (json.has("not")) {
            if (json.size() != 1) {
                throw new InvalidRuleTree(path, "“not”节点不能有其他属性");
            }
            return new Not(node(json.get("not"), path + ".not"));
        }
        return condition(json, path);
    }

    private static void onlyKeys(JsonNode json, String path, Set<String> allowed) {
        for (String name : json.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidRuleTree(path + "." + name, "不允许的字段“" + name + "”");
            }
        }
    }

    private static Condition condition(JsonNode json, String path) {
        onlyKeys(json, path, Set.of("field", "op", "value", "hard", "note"));
        JsonNode fieldJson = json.get("field");
        Field field = fieldJson != null && fieldJson.isString() ? Field.ofKey(fieldJson.asString()) : null;
        if (field == null) {
            throw new InvalidRuleTree(path + ".field", (fieldJson == null ? "缺少field" : "未知字段" + fieldJson)
                    + "，应为size、industryCode、industrySection、region、tags、registrationType、employees、revenueWan、assetsWan或ageYears");
        }
        JsonNode opJson = json.get("op");
        Op op = opJson != null && opJson.isString() ? Op.ofKey(opJson.asString()) : null;
        if (op == null) {
            throw new InvalidRuleTree(path + ".op", "未知运算符" + opJson);
        }
        if (!field.ops().contains(op)) {
            throw new InvalidRuleTree(path + ".op", field.key() + "不支持运算符" + op.key());
        }
        JsonNode hardJson = json.get("hard");
        if (hardJson != null && !hardJson.isBoolean()) {
            throw new InvalidRuleTree(path + ".hard", "hard应为true或false");
        }
        JsonNode noteJson = json.get("note");
        if (noteJson != null && !noteJson.isString()) {
            throw new InvalidRuleTree(path + ".note", "note应为字符串");
        }
        boolean hard = hardJson != null && hardJson.asBoolean();
        String note = noteJson == null ? null : noteJson.asString();
        JsonNode value = json.get("value");
        String valuePath = path + ".value";
        if (op == Op.EXISTS) {
            if (value != null && !value.isBoolean()) {
                throw new InvalidRuleTree(valuePath, "exists的value应为true或false");
            }
            return new Condition(path, field, op, List.of(), List.of(), value == null || value.asBoolean(), hard, note);
        }
        if (value == null || value.isNull()) {
            throw new InvalidRuleTree(valuePath, "缺少value");
        }
        List<JsonNode> items = new ArrayList<>();
        if (op.takesList()) {
            if (!value.isArray() || value.isEmpty()) {
                throw new InvalidRuleTree(valuePath, op.key() + "的value应为非空数组");
            }
            value.forEach(items::add);
        } else {
            if (value.isArray() || value.isObject()) {
                throw new InvalidRuleTree(valuePath, op.key() + "的value应为单个值");
            }
            items.add(value);
        }
        List<String> texts = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = op.takesList() ? valuePath + "[" + i + "]" : valuePath;
            if (field.kind() == Field.Kind.NUMBER) {
                if (!item.isNumber()) {
                    throw new InvalidRuleTree(itemPath, field.key() + "的值应为数字");
                }
                numbers.add(item.decimalValue());
            } else {
                if (!item.isString() || item.asString().isBlank()) {
                    throw new InvalidRuleTree(itemPath, field.key() + "的值应为非空字符串");
                }
                texts.add(normalise(field, item.asString(), itemPath));
            }
        }
        return new Condition(path, field, op, List.copyOf(texts), List.copyOf(numbers), true, hard, note);
    }

    private static String normalise(Field field, String text, String path) {
        return switch (field) {
            case SIZE -> {
                try {
                    yield SizeClass.valueOf(text).name();
                } catch (IllegalArgumentException e) {
                    throw new InvalidRuleTree(path, "size的值应为LARGE、MEDIUM、SMALL或MICRO，实际为“" + text + "”");
                }
            }
            case INDUSTRY_CODE -> {
                try {
                    yield IndustryCode.parse(text).toString();
                } catch (UnknownIndustryCode e) {
                    throw new InvalidRuleTree(path, e.getMessage());
                }
            }
            case INDUSTRY_SECTION -> {
                if (text.length() != 1 || text.charAt(0) < 'A' || text.charAt(0) > 'T') {
                    throw new InvalidRuleTree(path, "industrySection的值应为A至T的门类字母，实际为“" + text + "”");
                }
                yield text;
            }
            case REGISTRATION_TYPE -> {
                if (RegistrationType.ofLabel(text) == null) {
                    throw new InvalidRuleTree(path, "未知的市场主体类型“" + text + "”");
                }
                yield text;
            }
            default -> text;
        };
    }

    /**
     * Evaluates the tree for one enterprise.
     *
     * @param trackedTags the tags profiles record; a tag the tree needs that is not among them and not on the
     *                    enterprise needs staff review (MANUAL) rather than counting as unmet
     */
    public Verdict evaluate(Facts facts, Set<String> trackedTags) {
        List<Verdict.ConditionResult> results = new ArrayList<>();
        ConditionOutcome outcome = evaluate(root, facts, trackedTags, results);
        Eligibility eligibility = eligibility(outcome,
                results.stream().filter(r -> r.condition().hard()).map(Verdict.ConditionResult::outcome).toList());
        return new Verdict(eligibility, outcome, List.copyOf(results), Verdict.explain(eligibility, results));
    }

    /**
     * The policy outcome alone, without building the explanation: for screening many policies at once. Same result
     * as {@code evaluate(facts, trackedTags).eligibility()}: the hard conditions are checked first (an unmet one
     * rules the enterprise out), then the tree is evaluated with short cuts (an unmet child decides {@code all}, a
     * met child decides {@code any}), and no text is formatted.
     */
    public Eligibility eligibility(Facts facts, Set<String> trackedTags) {
        boolean hardUnknown = false;
        for (Condition c : hardConditions) {
            ConditionOutcome o = Conditions.outcome(c, facts, trackedTags);
            if (o == ConditionOutcome.UNMET) {
                return Eligibility.NOT_ELIGIBLE;
            }
            hardUnknown |= o == ConditionOutcome.UNKNOWN;
        }
        return switch (outcome(root, facts, trackedTags)) {
            case MET -> Eligibility.ELIGIBLE;
            case UNMET -> Eligibility.NOT_ELIGIBLE;
            case UNKNOWN -> Eligibility.NEEDS_DATA;
            case MANUAL, NOT_APPLICABLE -> hardUnknown ? Eligibility.NEEDS_DATA : Eligibility.LIKELY;
        };
    }

    // Precedence of all(): UNMET > UNKNOWN > MANUAL > MET > NOT_APPLICABLE; any() swaps MET and UNMET.
    private static int allRank(ConditionOutcome o) {
        return switch (o) {
            case UNMET -> 4;
            case UNKNOWN -> 3;
            case MANUAL -> 2;
            case MET -> 1;
            case NOT_APPLICABLE -> 0;
        };
    }

    private static int anyRank(ConditionOutcome o) {
        return switch (o) {
            case MET -> 4;
            case UNKNOWN -> 3;
            case MANUAL -> 2;
            case UNMET -> 1;
            case NOT_APPLICABLE -> 0;
        };
    }

    private static ConditionOutcome outcome(Node node, Facts facts, Set<String> tracked) {
        if (node instanceof Condition c) {
            return Conditions.outcome(c, facts, tracked);
        }
        if (node instanceof All a) {
            ConditionOutcome best = ConditionOutcome.NOT_APPLICABLE;
            for (Node child : a.children()) {
                ConditionOutcome o = outcome(child, facts, tracked);
                if (o == ConditionOutcome.UNMET) {
                    return o;
                }
                if (allRank(o) > allRank(best)) {
                    best = o;
                }
            }
            return best;
        }
        if (node instanceof Any a) {
            ConditionOutcome best = ConditionOutcome.NOT_APPLICABLE;
            for (Node child : a.children()) {
                ConditionOutcome o = outcome(child, facts, tracked);
                if (o == ConditionOutcome.MET) {
                    return o;
                }
                if (anyRank(o) > anyRank(best)) {
                    best = o;
                }
            }
            return best;
        }
        return not(outcome(((Not) node).child(), facts, tracked));
    }

    /**
     * The policy outcome from the root's outcome and the outcomes of the hard conditions: an unmet hard condition
     * rules the enterprise out; LIKELY needs every hard condition decided.
     */
    static Eligibility eligibility(ConditionOutcome root, List<ConditionOutcome> hard) {
        if (hard.contains(ConditionOutcome.UNMET)) {
            return Eligibility.NOT_ELIGIBLE;
        }
        return switch (root) {
            case MET -> Eligibility.ELIGIBLE;
            case UNMET -> Eligibility.NOT_ELIGIBLE;
            case UNKNOWN -> Eligibility.NEEDS_DATA;
            case MANUAL, NOT_APPLICABLE -> hard.contains(ConditionOutcome.UNKNOWN) ? Eligibility.NEEDS_DATA : Eligibility.LIKELY;
        };
    }

    private static ConditionOutcome evaluate(Node node, Facts facts, Set<String> tracked,
            List<Verdict.ConditionResult> results) {
        if (node instanceof All a) {
            return all(a.children().stream().map(c -> evaluate(c, facts, tracked, results)).toList());
        }
        if (node instanceof Any a) {
            return any(a.children().stream().map(c -> evaluate(c, facts, tracked, results)).toList());
        }
        if (node instanceof Not n) {
            return not(evaluate(n.child(), facts, tracked, results));
        }
        Verdict.ConditionResult r = Conditions.evaluate((Condition) node, facts, tracked);
        results.add(r);
        return r.outcome();
    }

    /** Kleene conjunction extended: unmet wins, then unknown, then manual; not-applicable children are ignored. */
    static ConditionOutcome all(List<ConditionOutcome> children) {
        for (ConditionOutcome o : List.of(ConditionOutcome.UNMET, ConditionOutcome.UNKNOWN, ConditionOutcome.MANUAL,
                ConditionOutcome.MET)) {
            if (children.contains(o)) {
                return o;
            }
        }
        return ConditionOutcome.NOT_APPLICABLE;
    }

    /** Kleene disjunction extended: met wins, then unknown, then manual; not-applicable children are ignored. */
    static ConditionOutcome any(List<ConditionOutcome> children) {
        for (ConditionOutcome o : List.of(ConditionOutcome.MET, ConditionOutcome.UNKNOWN, ConditionOutcome.MANUAL,
                ConditionOutcome.UNMET)) {
            if (children.contains(o)) {
                return o;
            }
        }
        return ConditionOutcome.NOT_APPLICABLE;
    }

    static ConditionOutcome not(ConditionOutcome child) {
        return switch (child) {
            case MET -> ConditionOutcome.UNMET;
            case UNMET -> ConditionOutcome.MET;
            default -> child;
        };
    }
}
