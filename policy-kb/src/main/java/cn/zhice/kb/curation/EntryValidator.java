package cn.zhice.kb.curation;

import cn.zhice.kb.Category;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks an entry's content beyond what the JSON schema can: required fields, lengths, categories, the validity
 * window and the shape of the eligibility rule tree (reported with the path of the bad node).
 */
@Component
public class EntryValidator {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\p{L}\\p{N}._:/\\-]{1,200}");
    private static final Set<String> RULE_FIELDS = Set.of(
            "size", "industryCode", "industrySection", "region", "tags", "registrationType",
            "employees", "revenueWan", "assetsWan", "ageYears");
    private static final Set<String> RULE_OPS = Set.of(
            "eq", "in", "gte", "lte", "gt", "lt", "contains", "containsAny", "exists");
    private static final Set<String> LEAF_KEYS = Set.of("field", "op", "value", "hard", "note");
    // Kept in step with matching's RuleTree (kb cannot depend on matching; a test there checks that both agree).
    private static final Set<String> NUMBER_FIELDS = Set.of("employees", "revenueWan", "assetsWan", "ageYears");
    private static final Set<String> CATEGORY_OPS = Set.of("eq", "in", "exists");
    private static final Set<String> TAG_OPS = Set.of("contains", "containsAny", "exists");
    private static final Set<String> NUMBER_OPS = Set.of("eq", "in", "gte", "lte", "gt", "lt", "exists");
    private static final Set<String> SIZES = Set.of("LARGE", "MEDIUM", "SMALL", "MICRO");
    private static final Set<String> REGISTRATION_TYPES = Set.of(
            "企业法人", "个体工商户", "农民专业合作社", "机关", "事业单位法人", "社会组织法人", "其他组织");
    // GB/T 4754-2017 门类 A..T with their first and last 大类 numbers.
    private static final int[][] DIVISIONS = {
        {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
        {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}
    };

    public List<FieldProblem> problems(Entry entry) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(entry.externalId())) {
            problems.add(new FieldProblem("externalId", "必填"));
        } else if (!EXTERNAL_ID.matcher(entry.externalId()).matches()) {
            problems.add(new FieldProblem("externalId", "只能包含字母、数字和 . _ : / -，最长 200 个字符"));
        }
        if (entry.kind() == null) {
            problems.add(new FieldProblem("kind", "必填，取值 POLICY、SERVICE_GUIDE 或 FAQ"));
        }
        if (blank(entry.title())) {
            problems.add(new FieldProblem("title", "必填"));
        } else if (entry.title().length() > 500) {
            problems.add(new FieldProblem("title", "最长 500 个字符"));
        }
        if (entry.category() != null && Category.fromLabel(entry.category()).isEmpty()) {
            problems.add(new FieldProblem("category", "取值应为 " + String.join("、", Category.labels())));
        } else if (entry.kind() == EntryKind.POLICY && (entry.category() == null || Category.OTHER.label().equals(entry.category()))) {
            problems.add(new FieldProblem("category", "政策文件须归入人才、财政、税务、融资、土地、创新、科技之一"));
        }
        if (entry.kind() == EntryKind.FAQ && blank(entry.answer())) {
            problems.add(new FieldProblem("answer", "常见问题必须有答案"));
        }
        if (entry.validFrom() != null && entry.validTo() != null && entry.validTo().isBefore(entry.validFrom())) {
            problems.add(new FieldProblem("validTo", "有效期截止日期早于起始日期"));
        }
        for (int i = 0; i < entry.keywords().size(); i++) {
            if (blank(entry.keywords().get(i))) {
                problems.add(new FieldProblem("keywords[" + i + "]", "不能为空"));
            }
        }
        if (entry.eligibility() != null) {
            rule(entry.eligibility(), "eligibility", problems);
        }
        return problems;
    }

    public void requireValid(Entry entry) {
        List<FieldProblem> problems = problems(entry);
        if (!problems.isEmpty()) {
            throw new InvalidEntry(entry.externalId(), problems);
        }
    }

    private static void rule(JsonNode node, String path, List<FieldProblem> problems) {
        if (!node.isObject()) {
            problems.add(new FieldProblem(path, "规则节点应为对象"));
            return;
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            JsonNode children = node.get(key);
            if (node.size() != 1) {
                problems.add(new FieldProblem(path, "\"" + key + "\" 节点不能有其他属性"));
            }
            if (!children.isArray() || children.isEmpty()) {
                problems.add(new FieldProblem(path + "." + key, "应为非空数组"));
                return;
            }
            for (int i = 0; i < children.size(); i++) {
                rule(children.get(i), path + "." + key + "[" + i + "]", problems);
            }
        } else if (node.has("not")) {
            if (node.size() != 1) {
                problems.add(new FieldProblem(path, "\"not\" 节点不能有其他属性"));
            }
            rule(node.get("not"), path + ".not", problems);
        } else {
            leaf(node, path, problems);
        }
    }

    private static void leaf(JsonNode node, String path, List<FieldProblem> problems) {
        for (String key : node.propertyNames()) {
            if (!LEAF_KEYS.contains(key)) {
                problems.add(new FieldProblem(path + "." + key, "未知属性；条件节点只能有 field、op、value、hard、note，组合节点用 all、any、not"));
            }
        }
        JsonNode field = node.get("field");
        JsonNode op = node.get("op");
        if (field == null || !field.isString() || !RULE_FIELDS.contains(field.asString())) {
            problems.add(new FieldProblem(path + ".field", "应为 " + String.join("、", RULE_FIELDS.stream().sorted().toList()) + " 之一"));
        }
        if (op == null || !op.isString() || !RULE_OPS.contains(op.asString())) {
            problems.add(new FieldProblem(path + ".op", "应为 " + String.join("、", RULE_OPS.stream().sorted().toList()) + " 之一"));
        } else if (!"exists".equals(op.asString()) && !node.has("value")) {
            problems.add(new FieldProblem(path + ".value", "缺少比较值"));
        } else if (Set.of("in", "containsAny").contains(op.asString()) && !node.get("value").isArray()) {
            problems.add(new FieldProblem(path + ".value", op.asString() + " 的比较值应为数组"));
        }
        if (node.has("hard") && !node.get("hard").isBoolean()) {
            problems.add(new FieldProblem(path + ".hard", "应为 true 或 false"));
        }
        if (node.has("note") && !node.get("note").isString()) {
            problems.add(new FieldProblem(path + ".note", "应为文字"));
        }
        if (field != null && field.isString() && RULE_FIELDS.contains(field.asString())
                && op != null && op.isString() && RULE_OPS.contains(op.asString())) {
            value(field.asString(), op.asString(), node.get("value"), path, problems);
        }
    }

    private static void value(String field, String op, JsonNode value, String path, List<FieldProblem> problems) {
        Set<String> ops = NUMBER_FIELDS.contains(field) ? NUMBER_OPS : "tags".equals(field) ? TAG_OPS : CATEGORY_OPS;
        if (!ops.contains(op)) {
            problems.add(new FieldProblem(path + ".op", field + " 只能用 " + String.join("、", ops.stream().sorted().toList())));
            return;
        }
        if ("exists".equals(op)) {
            if (value != null && !value.isBoolean()) {
                problems.add(new FieldProblem(path + ".value", "exists 的比较值应为 true 或 false"));
            }
            return;
        }
        boolean list = "in".equals(op) || "containsAny".equals(op);
        if (value == null || (list && !value.isArray())) {
            return; // reported by leaf()
        }
        if (value.isNull() || (list && value.isEmpty()) || (!list && (value.isArray() || value.isObject()))) {
            problems.add(new FieldProblem(path + ".value", list ? op + " 的比较值应为非空数组" : op + " 的比较值应为单个值"));
            return;
        }
        if (!list) {
            item(field, value, path + ".value", problems);
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            item(field, value.get(i), path + ".value[" + i + "]", problems);
        }
    }

    private static void item(String field, JsonNode item, String path, List<FieldProblem> problems) {
        if (NUMBER_FIELDS.contains(field)) {
            if (!item.isNumber()) {
                problems.add(new FieldProblem(path, field + " 的比较值应为数字"));
            }
            return;
        }
        if (!item.isString() || item.asString().isBlank()) {
            problems.add(new FieldProblem(path, field + " 的比较值应为非空文字"));
            return;
        }
        String text = item.asString();
        String problem = switch (field) {
            case "size" -> SIZES.contains(text) ? null : "应为 LARGE、MEDIUM、SMALL 或 MICRO";
            case "industrySection" -> text.length() == 1 && text.charAt(0) >= 'A' && text.charAt(0) <= 'T'
                    ? null : "应为 A 至 T 的门类字母";
            case "registrationType" -> REGISTRATION_TYPES.contains(text) ? null
                    : "应为 " + String.join("、", REGISTRATION_TYPES.stream().sorted().toList()) + " 之一";
            case "industryCode" -> industryCode(text) ? null : "不是 GB/T 4754-2017 的行业代码（如 C39、I65、5211、E）";
            default -> null;
        };
        if (problem != null) {
            problems.add(new FieldProblem(path, problem));
        }
    }

    /** A section letter, optionally followed by 2 to 4 digits of one of its divisions, or the digits alone. */
    private static boolean industryCode(String text) {
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            return false;
        }
        char section = 0;
        if (Character.isLetter(code.charAt(0))) {
            section = code.charAt(0);
            if (section < 'A' || section > 'T') {
                return false;
            }
            code = code.substring(1);
            if (code.isEmpty()) {
                return true;
            }
        }
        if (code.length() < 2 || code.length() > 4 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int division = Integer.parseInt(code.substring(0, 2));
        for (int i = 0; i < DIVISIONS.length; i++) {
            if (division >= DIVISIONS[i][0] && division <= DIVISIONS[i][1]) {
                return section == 0 || section == 'A' + i;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
