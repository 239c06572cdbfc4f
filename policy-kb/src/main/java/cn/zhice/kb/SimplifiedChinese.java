package cn.zhice.kb;

import com.ibm.icu.text.Transliterator;
import java.util.function.BiConsumer;

/**
 * 繁→简 one character at a time, exactly as the knowledge base's search normalises text: derived once from ICU's
 * {@code Traditional-Simplified} transform over the CJK ideograph blocks. Shared so that the bot reads a message the
 * way the index read the entries, and converts with a table look-up per character instead of ICU's transliterator,
 * which takes a lock around every call.
 */
public final class SimplifiedChinese {

    /** CJK Unified Ideographs Extension A, then CJK Unified Ideographs; both in the Basic Multilingual Plane. */
    private static final char[][] BLOCKS = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}};
    private static final char FIRST = 0x3400;
    private static final String[] SIMPLIFIED = table();

    private SimplifiedChinese() {}

    /** The text with every traditional character replaced by its simplified form; the same string when there is none. */
    public static String of(String text) {
        StringBuilder converted = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String simplified = c >= FIRST && c - FIRST < SIMPLIFIED.length ? SIMPLIFIED[c - FIRST] : null;
            if (simplified != null) {
                if (converted == null) {
                    converted = new StringBuilder(text.length()).append(text, 0, i);
                }
                converted.append(simplified);
            } else if (converted != null) {
                converted.append(c);
            }
        }
        return converted == null ? text : converted.toString();
    }

    /** Hands every (traditional, simplified) pair to {@code mapping}, e.g. to build a Lucene character map. */
    public static void forEachMapping(BiConsumer<String, String> mapping) {
        for (int i = 0; i < SIMPLIFIED.length; i++) {
            if (SIMPLIFIED[i] != null) {
                mapping.accept(String.valueOf((char) (FIRST + i)), SIMPLIFIED[i]);
            }
        }
    }

    private static String[] table() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        String[] table = new String[BLOCKS[BLOCKS.length - 1][1] - FIRST + 1];
        for (char[] block : BLOCKS) {
            for (char c = block[0]; c <= block[1]; c++) {
                String traditional = String.valueOf(c);
                String simplified = transform.transliterate(traditional);
                if (!simplified.equals(traditional)) {
                    table[c - FIRST] = simplified;
                }
            }
        }
        return table;
    }
}
