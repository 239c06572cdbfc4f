package cn.zhice.kb.search;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * 繁→简 as a Lucene character map, derived once from ICU's {@code Traditional-Simplified} transform over the CJK
 * ideograph blocks. A char-level map (unlike ICU's token filter) converts before segmentation, so the segmenter
 * sees the simplified text it was trained on, and {@code MappingCharFilter} keeps highlight offsets right.
 */
final class TraditionalToSimplified {

    static final NormalizeCharMap MAP = build();

    private TraditionalToSimplified() {}

    private static NormalizeCharMap build() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        addBlock(transform, map, 0x3400, 0x4DBF); // CJK Unified Ideographs Extension A
        addBlock(transform, map, 0x4E00, 0x9FFF); // CJK Unified Ideographs
        return map.build();
    }

    private static void addBlock(Transliterator transform, NormalizeCharMap.Builder map, int first, int last) {
        for (int codePoint = first; codePoint <= last; codePoint++) {
            String traditional = Character.toString(codePoint);
            String simplified = transform.transliterate(traditional);
            if (!simplified.equals(traditional)) {
                map.add(traditional, simplified);
            }
        }
    }
}
