package cn.zhice.matching.rules;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.RegistrationType;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.size.IndustryCodeTooCoarse;
import cn.zhice.matching.size.MissingIndicator;
import cn.zhice.matching.size.SizeClassification;
import cn.zhice.matching.size.SizeClassifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An enterprise as rule trees see it on one day: its own fields plus the derived ones — size class, 小微企业,
 * 规上工业, age — with certificates past their end date dropped.
 *
 * @param size           the size class; null unless {@code sizeState} is MET
 * @param sizeState      MET when the size is known, UNKNOWN when data is missing, NOT_APPLICABLE when the standard
 *                       does not cover the industry
 * @param sizeNote       why the size is unknown or not applicable, in Chinese
 * @param tags           tags in force, certified or derived
 * @param unknownTags    derived tags that cannot be decided for lack of data
 * @param expiredTags    certified tags whose end date has passed, with that date
 */
public record Facts(
        SizeClass size,
        ConditionOutcome sizeState,
        String sizeNote,
        IndustryCode industryCode,
        String region,
        RegistrationType registrationType,
        Integer employees,
        BigDecimal revenueWan,
        BigDecimal assetsWan,
        Integer ageYears,
        Set<String> tags,
        Set<String> unknownTags,
        Map<String, LocalDate> expiredTags) {

    /** 小微企业: small or micro under the size standard. */
    public static final String SMALL_OR_MICRO = "小微企业";

    /**
     * 规上工业: an industrial enterprise with annual 主营业务收入 of 2000 万元 or more (国家统计局 规模以上工业统计范围);
     * 营业收入 stands in for 主营业务收入, which the profile does not record separately.
     */
    public static final String ABOVE_SCALE_INDUSTRY = "规上工业";

    static final BigDecimal ABOVE_SCALE_REVENUE = BigDecimal.valueOf(2000);

    /** The facts of {@code profile} on {@code today}. */
    public static Facts of(EnterpriseProfile profile, LocalDate today, SizeClassifier classifier) {
        Set<String> tags = new LinkedHashSet<>();
        Set<String> unknownTags = new LinkedHashSet<>();
        Map<String, LocalDate> expired = new LinkedHashMap<>();
        for (CertifiedTag tag : profile.tags()) {
            if (tag.isValidOn(today)) {
                tags.add(tag.name());
            } else if (tag.validTo() != null && today.isAfter(tag.validTo())) {
                expired.put(tag.name(), tag.validTo());
            }
        }
        expired.keySet().removeAll(tags);

        SizeClass size = null;
        ConditionOutcome sizeState;
        String sizeNote = null;
        IndustryCode code = profile.industryCode();
        String group = null;
        if (code == null) {
            sizeState = ConditionOutcome.UNKNOWN;
            sizeNote = "缺少行业代码，无法划型";
        } else {
            try {
                SizeClassification c = classifier.classify(code, new SizeClassifier.Indicators(
                        profile.employees(), profile.revenueWan(), profile.assetsWan()));
                size = c.size();
                group = c.industryGroup();
                sizeState = c.covered() ? ConditionOutcome.MET : ConditionOutcome.NOT_APPLICABLE;
                sizeNote = c.covered() ? null : c.explanation();
            } catch (MissingIndicator | IndustryCodeTooCoarse e) {
                sizeState = ConditionOutcome.UNKNOWN;
                sizeNote = "无法划型：" + e.getBody().getDetail();
                group = classifier.group(code);
            }
        }
        switch (sizeState) {
            case MET -> {
                if (size == SizeClass.SMALL || size == SizeClass.MICRO) {
                    tags.add(SMALL_OR_MICRO);
                }
            }
            case UNKNOWN -> unknownTags.add(SMALL_OR_MICRO);
            default -> { }
        }
        if (code == null) {
            unknownTags.add(ABOVE_SCALE_INDUSTRY);
        } else if ("工业".equals(group)) {
            if (profile.revenueWan() == null) {
                unknownTags.add(ABOVE_SCALE_INDUSTRY);
            } else if (profile.revenueWan().compareTo(ABOVE_SCALE_REVENUE) >= 0) {
                tags.add(ABOVE_SCALE_INDUSTRY);
            }
        }
        Integer age = profile.registeredOn() == null || profile.registeredOn().isAfter(today)
                ? null : Period.between(profile.registeredOn(), today).getYears();
        return new Facts(size, sizeState, sizeNote, code, profile.region(), profile.registrationType(),
                profile.employees(), profile.revenueWan(), profile.assetsWan(), age,
                Set.copyOf(tags), Set.copyOf(unknownTags), Map.copyOf(expired));
    }
}
