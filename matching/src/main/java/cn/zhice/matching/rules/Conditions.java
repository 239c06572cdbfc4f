package cn.zhice.matching.rules;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.rules.RuleTree.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Evaluates one leaf condition against an enterprise's facts. */
final class Conditions {

    private Conditions() {}

    static Verdict.ConditionResult evaluate(Condition c, Facts f, Set<String> tracked) {
        if (c.op() == Op.EXISTS) {
            boolean present = present(c.field(), f);
            return result(c, present == c.exists() ? ConditionOutcome.MET : ConditionOutcome.UNMET,
                    present ? "已填写" : "未填写");
        }
        return switch (c.field()) {
            case SIZE -> switch (f.sizeState()) {
                case MET -> result(c, c.texts().contains(f.size().name()) ? ConditionOutcome.MET : ConditionOutcome.UNMET,
                        f.size().label() + "企业");
                case NOT_APPLICABLE -> result(c, ConditionOutcome.NOT_APPLICABLE, f.sizeNote());
                default -> result(c, ConditionOutcome.UNKNOWN, f.sizeNote());
            };
            case INDUSTRY_CODE -> industryCode(c, f.industryCode());
            case INDUSTRY_SECTION -> f.industryCode() == null ? unknown(c)
                    : result(c, outcome(c.texts().contains(String.valueOf(f.industryCode().section()))),
                            "门类" + f.industryCode().section());
            case REGION -> f.region() == null ? unknown(c)
                    : result(c, outcome(c.texts().stream().anyMatch(r -> inRegion(f.region(), r))), f.region());
            case REGISTRATION_TYPE -> f.registrationType() == null ? unknown(c)
                    : result(c, outcome(c.texts().contains(f.registrationType().label())), f.registrationType().label());
            case TAGS -> tags(c, f, tracked);
            case EMPLOYEES, REVENUE, ASSETS, AGE -> number(c, number(c.field(), f));
        };
    }

    /**
     * The outcome of {@link #evaluate} without the text that explains it: the screening path, which allocates
     * nothing per condition.
     */
    static ConditionOutcome outcome(Condition c, Facts f, Set<String> tracked) {
        if (c.op() == Op.EXISTS) {
            return present(c.field(), f) == c.exists() ? ConditionOutcome.MET : ConditionOutcome.UNMET;
        }
        List<String> texts = c.texts();
        switch (c.field()) {
            case SIZE -> {
                return switch (f.sizeState()) {
                    case MET -> outcome(texts.contains(f.size().name()));
                    case NOT_APPLICABLE -> ConditionOutcome.NOT_APPLICABLE;
                    default -> ConditionOutcome.UNKNOWN;
                };
            }
            case INDUSTRY_CODE -> {
                IndustryCode code = f.industryCode();
                if (code == null) {
                    return ConditionOutcome.UNKNOWN;
                }
                // Rule texts are normalised codes (section letter + digits), so prefixes compare as strings.
                String digits = code.digits();
                boolean coarser = false;
                for (int i = 0; i < texts.size(); i++) {
                    String rule = texts.get(i);
                    if (rule.charAt(0) != code.section()) {
                        continue;
                    }
                    int ruleDigits = rule.length() - 1;
                    if (digits.length() >= ruleDigits && digits.regionMatches(0, rule, 1, ruleDigits)) {
                        return ConditionOutcome.MET;
                    }
                    coarser |= ruleDigits > digits.length() && rule.regionMatches(1, digits, 0, digits.length());
                }
                return coarser ? ConditionOutcome.UNKNOWN : ConditionOutcome.UNMET;
            }
            case INDUSTRY_SECTION -> {
                if (f.industryCode() == null) {
                    return ConditionOutcome.UNKNOWN;
                }
                char section = f.industryCode().section();
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i).length() == 1 && texts.get(i).charAt(0) == section) {
                        return ConditionOutcome.MET;
                    }
                }
                return ConditionOutcome.UNMET;
            }
            case REGION -> {
                if (f.region() == null) {
                    return ConditionOutcome.UNKNOWN;
                }
                for (int i = 0; i < texts.size(); i++) {
                    if (inRegion(f.region(), texts.get(i))) {
                        return ConditionOutcome.MET;
                    }
                }
                return ConditionOutcome.UNMET;
            }
            case REGISTRATION_TYPE -> {
                return f.registrationType() == null ? ConditionOutcome.UNKNOWN
                        : outcome(texts.contains(f.registrationType().label()));
            }
            case TAGS -> {
                // any() over the tags: MET wins, then UNKNOWN, then MANUAL, then UNMET.
                ConditionOutcome best = ConditionOutcome.NOT_APPLICABLE;
                for (int i = 0; i < texts.size(); i++) {
                    ConditionOutcome o = tag(texts.get(i), f, tracked);
                    if (o == ConditionOutcome.MET) {
                        return o;
                    }
                    if (best == ConditionOutcome.NOT_APPLICABLE || o == ConditionOutcome.UNKNOWN
                            || (o == ConditionOutcome.MANUAL && best == ConditionOutcome.UNMET)) {
                        best = o;
                    }
                }
                return best;
            }
            default -> {
                return numberOutcome(c, f);
            }
        }
    }

    private static ConditionOutcome tag(String tag, Facts f, Set<String> tracked) {
        if (f.tags().contains(tag)) {
            return ConditionOutcome.MET;
        }
        if (f.unknownTags().contains(tag)) {
            return ConditionOutcome.UNKNOWN;
        }
        if (f.expiredTags().containsKey(tag) || tracked.contains(tag) || tag.equals(Facts.SMALL_OR_MICRO)
                || tag.equals(Facts.ABOVE_SCALE_INDUSTRY)) {
            return ConditionOutcome.UNMET;
        }
        return ConditionOutcome.MANUAL;
    }

    private static ConditionOutcome numberOutcome(Condition c, Facts f) {
        BigDecimal value = number(c.field(), f);
        if (value == null) {
            return ConditionOutcome.UNKNOWN;
        }
        List<BigDecimal> bounds = c.numbers();
        return outcome(switch (c.op()) {
            case EQ, IN -> {
                boolean any = false;
                for (int i = 0; i < bounds.size() && !any; i++) {
                    any = bounds.get(i).compareTo(value) == 0;
                }
                yield any;
            }
            case GTE -> value.compareTo(bounds.get(0)) >= 0;
            case LTE -> value.compareTo(bounds.get(0)) <= 0;
            case GT -> value.compareTo(bounds.get(0)) > 0;
            case LT -> value.compareTo(bounds.get(0)) < 0;
            default -> throw new IllegalStateException("number field with " + c.op());
        });
    }

    /** A region matches itself and every region inside it: 滨江市 covers 滨江市青禾区. */
    static boolean inRegion(String enterpriseRegion, String ruleRegion) {
        return enterpriseRegion.startsWith(ruleRegion);
    }

    private static Verdict.ConditionResult industryCode(Condition c, IndustryCode code) {
        if (code == null) {
            return unknown(c);
        }
        boolean coarser = false;
        for (String text : c.texts()) {
            IndustryCode rule = IndustryCode.parse(text);
            if (rule.section() != code.section()) {
                continue;
            }
            if (code.digits().startsWith(rule.digits())) {
                return result(c, ConditionOutcome.MET, code.toString());
            }
            coarser |= rule.digits().startsWith(code.digits());
        }
        return coarser
                ? result(c, ConditionOutcome.UNKNOWN, "行业代码只填到" + code + "，需填写到更细的类别")
                : result(c, ConditionOutcome.UNMET, code.toString());
    }

    private static Verdict.ConditionResult tags(Condition c, Facts f, Set<String> tracked) {
        List<ConditionOutcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String tag : c.texts()) {
            ConditionOutcome o;
            if (f.tags().contains(tag)) {
                o = ConditionOutcome.MET;
                notes.add("有" + tag);
            } else if (f.unknownTags().contains(tag)) {
                o = ConditionOutcome.UNKNOWN;
                notes.add(tag + "因缺少数据无法判断");
            } else if (f.expiredTags().containsKey(tag)) {
                o = ConditionOutcome.UNMET;
                notes.add(tag + "证书已于" + f.expiredTags().get(tag) + "到期");
            } else if (tracked.contains(tag) || tag.equals(Facts.SMALL_OR_MICRO) || tag.equals(Facts.ABOVE_SCALE_INDUSTRY)) {
                o = ConditionOutcome.UNMET;
                notes.add("无" + tag);
            } else {
                o = ConditionOutcome.MANUAL;
                notes.add(tag + "不在企业画像记录范围内，需人工核实");
            }
            outcomes.add(o);
        }
        return result(c, RuleTree.any(outcomes), String.join("；", notes));
    }

    private static Verdict.ConditionResult number(Condition c, BigDecimal value) {
        if (value == null) {
            return unknown(c);
        }
        boolean met = switch (c.op()) {
            case EQ, IN -> c.numbers().stream().anyMatch(n -> n.compareTo(value) == 0);
            case GTE -> value.compareTo(c.numbers().get(0)) >= 0;
            case LTE -> value.compareTo(c.numbers().get(0)) <= 0;
            case GT -> value.compareTo(c.numbers().get(0)) > 0;
            case LT -> value.compareTo(c.numbers().get(0)) < 0;
            default -> throw new IllegalStateException("number field with " + c.op());
        };
        return result(c, outcome(met), value.stripTrailingZeros().toPlainString() + c.field().unit());
    }

    static BigDecimal number(Field field, Facts f) {
        Number n = switch (field) {
            case EMPLOYEES -> f.employees();
            case REVENUE -> f.revenueWan();
            case ASSETS -> f.assetsWan();
            case AGE -> f.ageYears();
            default -> throw new IllegalArgumentException(field.key());
        };
        return n == null ? null : n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }

    private static boolean present(Field field, Facts f) {
        return switch (field) {
            case SIZE -> f.sizeState() == ConditionOutcome.MET;
            case INDUSTRY_CODE, INDUSTRY_SECTION -> f.industryCode() != null;
            case REGION -> f.region() != null;
            case REGISTRATION_TYPE -> f.registrationType() != null;
            case TAGS -> !f.tags().isEmpty();
            default -> number(field, f) != null;
        };
    }

    private static ConditionOutcome outcome(boolean met) {
        return met ? ConditionOutcome.MET : ConditionOutcome.UNMET;
    }

    private static Verdict.ConditionResult unknown(Condition c) {
        return result(c, ConditionOutcome.UNKNOWN, "企业画像缺少" + c.field().label());
    }

    private static Verdict.ConditionResult result(Condition c, ConditionOutcome outcome, String actual) {
        return new Verdict.ConditionResult(c, outcome, actual);
    }
}
