package cn.zhice.bot.dialogue;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a reply to what one WeChat message carries: a passive text reply over 2,048 UTF-8 bytes is dropped by WeChat.
 * The cut falls after the last sentence or line that fits (never inside a character), the shown part points to
 * "详情", and the rest is kept in the session for it. The web chat gets the same parts, so both channels read alike.
 */
public final class LongText {

    public static final int MAX_BYTES = 2048;
    public static final String MORE = "\n回复「详情」查看更多";
    private static final String SENTENCE_ENDS = "\n。！？；!?;";

    /** What to show now, and what "详情" shows next (null when nothing is left). */
    public record Part(String shown, String rest) {}

    private LongText() {}

    public static Part cut(String text) {
        if (utf8Length(text) <= MAX_BYTES) {
            return new Part(text, null);
        }
        int budget = MAX_BYTES - utf8Length(MORE);
        int end = longestPrefixWithin(text, budget);
        int boundary = lastSentenceEnd(text, end);
        // Cut at a sentence when that keeps at least half of what fits; otherwise a mid-sentence cut loses less.
        int cut = boundary > end / 2 ? boundary : end;
        String rest = text.substring(cut).strip();
        return new Part(text.substring(0, cut).stripTrailing() + MORE, rest.isEmpty() ? null : rest);
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The largest char index whose prefix encodes to at most {@code budget} bytes, on a code point boundary. */
    private static int longestPrefixWithin(String text, int budget) {
        int bytes = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            index += Character.charCount(codePoint);
        }
        return index;
    }

    private static int lastSentenceEnd(String text, int end) {
        for (int i = end - 1; i > 0; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
