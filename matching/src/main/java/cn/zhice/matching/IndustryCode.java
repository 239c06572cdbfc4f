package cn.zhice.matching;

import java.util.Locale;

/**
 * A code of 《国民经济行业分类》 GB/T 4754-2017: a section letter ({@code E}), a 2-digit division ({@code 13}), a
 * 3-digit group or a 4-digit class ({@code 5211}), written with or without the section letter ({@code C13}).
 * Instances always carry the section, derived from the division when the letter was left out.
 *
 * @param section the section letter, A to T
 * @param digits  the division, group or class digits; empty for a bare section
 */
public record IndustryCode(char section, String digits) {

    /** The edition every code is read in; stored with each enterprise so that a later edition can be migrated. */
    public static final String EDITION = "GB/T 4754-2017";

    // GB/T 4754-2017 门类 A..T with their first and last 大类 (division) numbers.
    private static final int[][] DIVISIONS = {
        {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
        {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}
    };

    public IndustryCode {
        if (section < 'A' || section > 'T') {
            throw new UnknownIndustryCode(section + digits, "门类应为A至T");
        }
        if (!digits.isEmpty()) {
            if (digits.length() < 2 || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
                throw new UnknownIndustryCode(section + digits, "大类、中类、小类代码应为2至4位数字");
            }
            char expected = sectionOf(Integer.parseInt(digits.substring(0, 2)));
            if (expected != section) {
                throw new UnknownIndustryCode(section + digits, expected == 0
                        ? "GB/T 4754-2017中没有大类" + digits.substring(0, 2)
                        : "大类" + digits.substring(0, 2) + "属于门类" + expected + "，不属于门类" + section);
            }
        }
    }

    /** Parses {@code C13}, {@code 13}, {@code 5211}, {@code E} or {@code c3911} (spaces and case ignored). */
    public static IndustryCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnknownIndustryCode(text, "行业代码不能为空");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        char first = code.charAt(0);
        if (Character.isLetter(first)) {
            return new IndustryCode(first, code.substring(1));
        }
        if (code.length() < 2 || !code.chars().allMatch(Character::isDigit)) {
            throw new UnknownIndustryCode(text, "行业代码应为门类字母或2至4位数字");
        }
        char section = sectionOf(Integer.parseInt(code.substring(0, 2)));
        if (section == 0) {
            throw new UnknownIndustryCode(text, "GB/T 4754-2017中没有大类" + code.substring(0, 2));
        }
        return new IndustryCode(section, code);
    }

    /** The 2-digit division, or empty for a bare section. */
    public String division() {
        return digits.isEmpty() ? "" : digits.substring(0, 2);
    }

    /** The code as stored and shown: section letter followed by the digits, e.g. {@code C1311}. */
    @Override
    public String toString() {
        return section + digits;
    }

    private static char sectionOf(int division) {
        for (int i = 0; i < DIVISIONS.length; i++) {
            if (division >= DIVISIONS[i][0] && division <= DIVISIONS[i][1]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }
}
