package cn.zhice.matching;

import java.util.Locale;

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: registration authority code, organisation type
 * code, 6-digit administrative region code, the 9-character organisation code of GB 11714 (with its own check digit)
 * and a final check character. Instances are always valid and upper case.
 */
public record Uscc(String value) {

    /** The 31 characters a code may use: digits and capital letters without I, O, Z, S and V. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 §4.3: weight of position i (1-based) is 3^(i-1) mod 31.
    private static final int[] WEIGHTS = new int[17];

    // GB 11714-1997: weights of the eight body characters of the organisation code.
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    // GB 32100-2015 表1: 登记管理部门代码.
    private static final String AUTHORITIES = "123456789ANY";

    static {
        int weight = 1;
        for (int i = 0; i < WEIGHTS.length; i++) {
            WEIGHTS[i] = weight;
            weight = weight * 3 % 31;
        }
    }

    public Uscc {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidUscc(value, problem);
        }
    }

    /** Parses a code as typed: surrounding spaces are ignored and lower-case letters accepted. */
    public static Uscc parse(String text) {
        if (text == null) {
            throw new InvalidUscc(null, "统一社会信用代码不能为空");
        }
        return new Uscc(text.strip().toUpperCase(Locale.ROOT));
    }

    /** 登记管理部门代码 and 机构类别代码 (characters 1 and 2) as a registration type. */
    public RegistrationType registrationType() {
        return RegistrationType.of(value.charAt(0), value.charAt(1));
    }

    /** 登记管理机关行政区划码 (characters 3 to 8). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** 组织机构代码 (characters 9 to 17). */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    /** Why {@code code} is not a valid USCC, in Chinese, or null when it is valid. */
    static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "统一社会信用代码不能为空";
        }
        if (code.length() != 18) {
            return "统一社会信用代码应为18位，实际为" + code.length() + "位";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return "第" + (i + 1) + "位字符“" + code.charAt(i) + "”不允许（只能使用数字和除I、O、Z、S、V以外的大写字母）";
            }
        }
        if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return "第1位登记管理部门代码“" + code.charAt(0) + "”不存在";
        }
        if (code.charAt(1) < '1' || code.charAt(1) > '9') {
            return "第2位机构类别代码“" + code.charAt(1) + "”不存在";
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "第3至8位登记管理机关行政区划码应为数字";
            }
        }
        char orgCheck = organisationCheckDigit(code.substring(8, 16));
        if (code.charAt(16) != orgCheck) {
            return "第9至17位组织机构代码的校验码应为“" + orgCheck + "”，实际为“" + code.charAt(16) + "”";
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return "校验码应为“" + check + "”，实际为“" + code.charAt(17) + "”";
        }
        return null;
    }

    /** GB 32100-2015: C18 = 31 − (Σ Ci × Wi mod 31), where 31 is written as 0. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714-1997: C9 = 11 − (Σ Ci × Wi mod 11); 10 is written X and 11 is written 0. Letters count A=10 … Z=35. */
    static char organisationCheckDigit(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
