package cn.zhice.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 企业画像: what matching knows about one enterprise. Size class, 小微企业, 规上工业 and company age are derived from
 * these fields when rules are evaluated, never stored or typed by hand.
 *
 * @param uscc             统一社会信用代码, the key
 * @param name             企业名称
 * @param registrationType 市场主体类型; derived from the USCC when not given
 * @param industryCode     GB/T 4754-2017 code, or null when unknown
 * @param industryEdition  the edition the code was given in, {@link IndustryCode#EDITION}
 * @param region           注册地, e.g. 滨江市青禾区
 * @param registeredOn     成立日期
 * @param employees        从业人员 (人), null when unknown
 * @param revenueWan       营业收入 (万元), null when unknown
 * @param assetsWan        资产总额 (万元), null when unknown
 * @param tags             认定/资质 (高新技术企业 …) with level, certificate and validity
 * @param contacts         where to reach the enterprise; never logged in clear
 * @param consent          per-channel consent to be contacted
 */
public record EnterpriseProfile(
        Uscc uscc,
        String name,
        RegistrationType registrationType,
        IndustryCode industryCode,
        String industryEdition,
        String region,
        LocalDate registeredOn,
        Integer employees,
        BigDecimal revenueWan,
        BigDecimal assetsWan,
        List<CertifiedTag> tags,
        Contacts contacts,
        Consent consent) {

    public EnterpriseProfile {
        registrationType = registrationType == null ? uscc.registrationType() : registrationType;
        industryEdition = industryCode == null ? null : industryEdition == null ? IndustryCode.EDITION : industryEdition;
        tags = tags == null ? List.of() : List.copyOf(tags);
        contacts = contacts == null ? Contacts.NONE : contacts;
        consent = consent == null ? Consent.NONE : consent;
    }

    /**
     * A certification or qualification, e.g. 高新技术企业 with its certificate.
     *
     * @param name          the tag as rule trees name it
     * @param level         认定级别, e.g. 国家级, 省级, 市级; null when the tag has none
     * @param certificateNo 证书编号, may be null
     * @param validFrom     first day of validity, null when unknown
     * @param validTo       last day of validity, null when open-ended; the tag is dropped after it
     */
    public record CertifiedTag(String name, String level, String certificateNo, LocalDate validFrom, LocalDate validTo) {

        /** Whether the certificate is in force on {@code day} (both ends inclusive). */
        public boolean isValidOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** Mobile, email and WeChat openid. {@link #toString()} masks them so that they never reach a log in clear. */
    public record Contacts(String mobile, String email, String wechatOpenId) {

        static final Contacts NONE = new Contacts(null, null, null);

        @Override
        public String toString() {
            return "Contacts[mobile=" + mask(mobile) + ", email=" + mask(email) + ", wechatOpenId=" + mask(wechatOpenId) + "]";
        }

        /** Keeps the first three and last two characters of a phone, the domain of an email, nothing of an openid. */
        public static String mask(String value) {
            if (value == null) {
                return null;
            }
            int at = value.indexOf('@');
            if (at >= 0) {
                return "***" + value.substring(at);
            }
            if (value.length() == 11 && value.chars().allMatch(Character::isDigit)) {
                return value.substring(0, 3) + "******" + value.substring(9);
            }
            return "***";
        }
    }

    /** 渠道授权: whether the enterprise agreed to SMS, email and WeChat messages. */
    public record Consent(boolean sms, boolean email, boolean wechat) {
        static final Consent NONE = new Consent(false, false, false);
    }
}
