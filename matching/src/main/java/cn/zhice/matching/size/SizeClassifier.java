package cn.zhice.matching.size;

import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.size.SizeStandard.Indicator;
import cn.zhice.matching.size.SizeStandard.Mapping;
import cn.zhice.matching.size.SizeStandard.Row;
import cn.zhice.matching.size.SizeStandard.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 企业划型: classifies an enterprise as 大型, 中型, 小型 or 微型 by its industry and indicators under a
 * {@link SizeStandard}, and explains the decision in Chinese, clause by clause.
 */
public final class SizeClassifier {

    private final SizeStandard standard;

    public SizeClassifier(SizeStandard standard) {
        this.standard = standard;
    }

    /** The standard this classifier applies. */
    public SizeStandard standard() {
        return standard;
    }

    /** An enterprise's indicators as reported; any may be missing (null). */
    public record Indicators(Integer employees, BigDecimal revenueWan, BigDecimal assetsWan) {

        BigDecimal value(Indicator indicator) {
            return switch (indicator) {
                case EMPLOYEES -> employees == null ? null : BigDecimal.valueOf(employees);
                case REVENUE -> revenueWan;
                case ASSETS -> assetsWan;
            };
        }
    }

    /**
     * The size class of an enterprise in industry {@code code}.
     *
     * @throws IndustryCodeTooCoarse when the code spans rows with different thresholds (e.g. 门类 F)
     * @throws MissingIndicator      when an indicator the row needs is missing
     */
    public SizeClassification classify(IndustryCode code, Indicators indicators) {
        Mapping mapping = mapping(code);
        if (mapping.tooCoarse() != null) {
            throw new IndustryCodeTooCoarse(code.toString(), mapping.tooCoarse());
        }
        if (mapping.notCovered() != null) {
            return new SizeClassification(null, null, standard.id(),
                    "行业代码" + code + "不在" + standard.id() + "的划型范围内：" + mapping.notCovered() + "。");
        }
        Row row = mapping.row();
        List<Indicator> missing = row.indicators().stream().filter(i -> indicators.value(i) == null).toList();
        if (!missing.isEmpty()) {
            throw new MissingIndicator(row.group(), missing);
        }
        StringBuilder why = new StringBuilder();
        why.append("按").append(standard.id()).append("第").append(row.clause()).append("项，行业代码").append(code)
                .append("属于").append(row.group()).append("。");
        why.append(row.indicators().stream().map(i -> i.label() + number(indicators.value(i)) + i.unit())
                .collect(Collectors.joining("，"))).append("。");
        SizeClass size;
        boolean sme = row.sme().stream().anyMatch(t -> holds(t, indicators));
        why.append(describe(row.sme(), "或")).append("的为中小微型企业：").append(sme ? "满足" : "不满足");
        if (!sme) {
            size = SizeClass.LARGE;
        } else {
            why.append("；");
            boolean medium = allHold(row.medium(), indicators, why, "中型企业");
            if (medium) {
                size = SizeClass.MEDIUM;
            } else {
                why.append("；");
                size = allHold(row.small(), indicators, why, "小型企业") ? SizeClass.SMALL : SizeClass.MICRO;
            }
        }
        why.append("。结论：").append(size.label()).append("企业。");
        return new SizeClassification(size, row.group(), standard.id(), why.toString());
    }

    /** The industry group (row) a code falls in, or null when the standard does not cover it or the code is too coarse. */
    public String group(IndustryCode code) {
        Row row = mapping(code).row();
        return row == null ? null : row.group();
    }

    /** The row, or the reason there is none, that a code leads to: the most specific listed code wins. */
    Mapping mapping(IndustryCode code) {
        List<String> keys = new ArrayList<>();
        String digits = code.digits();
        for (int length = digits.length(); length >= 2; length--) {
            keys.add(digits.substring(0, length));
        }
        keys.add(String.valueOf(code.section()));
        for (String key : keys) {
            Mapping mapping = standard.mapping().get(key);
            if (mapping != null) {
                return mapping;
            }
        }
        throw new IllegalStateException(standard.id() + " maps no row for " + code);
    }

    private boolean allHold(List<Threshold> thresholds, Indicators indicators, StringBuilder why, String size) {
        why.append(size).append("须").append(describe(thresholds, "且")).append("：");
        List<String> failed = thresholds.stream().filter(t -> !holds(t, indicators))
                .map(t -> t.indicator().label() + number(indicators.value(t.indicator())) + t.indicator().unit()
                        + "低于" + number(t.value()) + t.indicator().unit())
                .toList();
        why.append(failed.isEmpty() ? "满足" : "不满足（" + String.join("，", failed) + "）");
        return failed.isEmpty();
    }

    private static boolean holds(Threshold t, Indicators indicators) {
        int cmp = indicators.value(t.indicator()).compareTo(t.value());
        return t.atLeast() ? cmp >= 0 : cmp < 0;
    }

    private static String describe(List<Threshold> thresholds, String joiner) {
        return thresholds.stream()
                .map(t -> t.indicator().label() + number(t.value()) + t.indicator().unit() + (t.atLeast() ? "及以上" : "以下"))
                .collect(Collectors.joining(joiner.equals("且") ? "且" : "或"));
    }

    static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
