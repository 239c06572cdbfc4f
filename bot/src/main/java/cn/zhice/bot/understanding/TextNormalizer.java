package cn.zhice.bot.understanding;

import cn.zhice.kb.SimplifiedChinese;
import com.ibm.icu.text.Normalizer2;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Brings a WeChat message into the form the classifier and the dictionaries were built on: NFKC (全角→半角),
 * 繁→简, no emoji or decorative symbols, single spaces. Filler openings such as 你好请问 stay in the text, and
 * {@link #withoutOpening(String)} removes them when a caller wants the question alone.
 */
final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // Residents separate words with spaces ("营业执照 在哪办"); between two Chinese characters a space carries nothing.
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan}) (?=\\p{IsHan})");
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("([?!,.。、~])\\1+");

    /** Openings that carry no question, longest first so that 你好请问 wins over 你好. */
    private static final List<String> OPENINGS = List.of(
            "我想咨询一下", "想咨询一下", "麻烦问一下", "我想问一下", "想请问一下", "请问一下", "麻烦问下", "麻烦请问",
            "我想问下", "打扰一下", "咨询一下", "想问一下", "你们好", "老师好", "想问下", "问一下", "打扰了",
            "请问下", "请问", "你好", "您好", "哈喽", "在吗", "hello", "hi", "嗨", "喂");
    private static final String OPENING_SEPARATORS = " ,.!?。、~:;呀啊";

    String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = SimplifiedChinese.of(NFKC.normalize(raw));
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> kept.append(isDecoration(codePoint) ? " " : Character.toString(codePoint)));
        String collapsed = SPACES.matcher(kept).replaceAll(" ").strip();
        collapsed = SPACE_BETWEEN_HAN.matcher(collapsed).replaceAll("");
        return REPEATED_PUNCTUATION.matcher(collapsed).replaceAll("$1");
    }

    /** The normalised text without its filler opening (你好请问, 麻烦问一下 …); empty when it was nothing but filler. */
    String withoutOpening(String normalized) {
        String rest = normalized;
        boolean removed = true;
        while (removed) {
            removed = false;
            for (String opening : OPENINGS) {
                if (rest.regionMatches(true, 0, opening, 0, opening.length())
                        && !continuesLatinWord(rest, opening.length())) {
                    rest = stripSeparators(rest.substring(opening.length()));
                    removed = true;
                    break;
                }
            }
        }
        return rest;
    }

    private static boolean continuesLatinWord(String text, int index) {
        return index < text.length() && Character.isLetter(text.charAt(index)) && text.charAt(index) < 0x80;
    }

    private static String stripSeparators(String text) {
        int start = 0;
        while (start < text.length() && OPENING_SEPARATORS.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        return text.substring(start);
    }

    private static boolean isDecoration(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.OTHER_SYMBOL // emoji, ★, ♥, ✔, ☎
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.FORMAT // zero-width joiner and spaces, BOM
                || (type == Character.MODIFIER_SYMBOL && codePoint > 0x7F) // emoji skin tones
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) // variation selectors after emoji
                || codePoint == 0x20E3; // keycap: 1️⃣
    }
}
