package cn.zhice.testsupport.push;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.Uscc;

/** Valid generated enterprises for push tests: USCC {@code 91330106} + 8-digit sequence + check characters. */
public final class Enterprises {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private Enterprises() {}

    public static Uscc uscc(int n) {
        String body = String.format("%08d", n);
        String first17 = "91330106" + body + orgCheck(body);
        return new Uscc(first17 + check(first17));
    }

    /** Enterprise {@code n} with the given contacts and consent to every channel it has a contact for. */
    public static EnterpriseProfile profile(int n, String mobile, String email, String openId) {
        return new EnterpriseProfile(uscc(n), "测试企业" + n, null, null, null, "滨江市青禾区", null, 50, null, null, null,
                new EnterpriseProfile.Contacts(mobile, email, openId),
                new EnterpriseProfile.Consent(mobile != null, email != null, openId != null));
    }

    /** A mobile number per enterprise: 139 + 8 digits. */
    public static String mobile(int n) {
        return "139" + String.format("%08d", n);
    }

    private static char orgCheck(String body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static char check(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
