package cn.zhice.push.delivery;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.push.Channel;
import cn.zhice.push.Suppression;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where a profile is reached on a channel, whether it consented, and the hash opt-outs and limit keys use. */
public final class Addresses {

    private Addresses() {}

    /** The address on {@code channel}, or null. */
    public static String of(EnterpriseProfile profile, Channel channel) {
        EnterpriseProfile.Contacts contacts = profile.contacts();
        String value = switch (channel) {
            case SMS -> contacts.mobile();
            case EMAIL -> contacts.email();
            case WECHAT -> contacts.wechatOpenId();
        };
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the enterprise consented to {@code channel}. */
    public static boolean consented(EnterpriseProfile profile, Channel channel) {
        EnterpriseProfile.Consent consent = profile.consent();
        return switch (channel) {
            case SMS -> consent.sms();
            case EMAIL -> consent.email();
            case WECHAT -> consent.wechat();
        };
    }

    /** Why the profile cannot be sent to on {@code channel} before looking at opt-outs, or null when it can. */
    public static Suppression unusable(EnterpriseProfile profile, Channel channel) {
        if (!consented(profile, channel)) {
            return Suppression.NO_CONSENT;
        }
        return of(profile, channel) == null ? Suppression.NO_CONTACT : null;
    }

    /**
     * SHA-256 of the normalised address: mobiles as their last 11 digits (so {@code +8613800138000} and
     * {@code 13800138000} are one number), emails lower-cased. Opt-outs and Redis keys hold only this.
     */
    public static String hash(Channel channel, String address) {
        String normalised = switch (channel) {
            case SMS -> {
                String digits = address.replaceAll("[^0-9]", "");
                yield digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
            }
            case EMAIL -> address.strip().toLowerCase(Locale.ROOT);
            case WECHAT -> address.strip();
        };
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
