package cn.zhice.matching.rules;

import java.util.EnumSet;
import java.util.Set;

/** A field a rule-tree leaf can test, with the operators that make sense for it (docs/kb-format.md). */
public enum Field {
    SIZE("size", "企业规模", Kind.CATEGORY, ""),
    INDUSTRY_CODE("industryCode", "行业代码", Kind.CATEGORY, ""),
    INDUSTRY_SECTION("industrySection", "行业门类", Kind.CATEGORY, ""),
    REGION("region", "注册地", Kind.CATEGORY, ""),
    TAGS("tags", "资质", Kind.SET, ""),
    REGISTRATION_TYPE("registrationType", "市场主体类型", Kind.CATEGORY, ""),
    EMPLOYEES("employees", "从业人员", Kind.NUMBER, "人"),
    REVENUE("revenueWan", "营业收入", Kind.NUMBER, "万元"),
    ASSETS("assetsWan", "资产总额", Kind.NUMBER, "万元"),
    AGE("ageYears", "成立年限", Kind.NUMBER, "年");

    enum Kind { CATEGORY, SET, NUMBER }

    private final String key;
    private final String label;
    private final Kind kind;
    private final String unit;

    Field(String key, String label, Kind kind, String unit) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.unit = unit;
    }

    /** The name in the rule tree, e.g. {@code revenueWan}. */
    public String key() {
        return key;
    }

    /** The Chinese name used in explanations. */
    public String label() {
        return label;
    }

    String unit() {
        return unit;
    }

    Kind kind() {
        return kind;
    }

    /** The operators this field accepts. */
    Set<Op> ops() {
        return switch (kind) {
            case CATEGORY -> EnumSet.of(Op.EQ, Op.IN, Op.EXISTS);
            case SET -> EnumSet.of(Op.CONTAINS, Op.CONTAINS_ANY, Op.EXISTS);
            case NUMBER -> EnumSet.of(Op.EQ, Op.IN, Op.GTE, Op.LTE, Op.GT, Op.LT, Op.EXISTS);
        };
    }

    static Field ofKey(String key) {
        for (Field f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
