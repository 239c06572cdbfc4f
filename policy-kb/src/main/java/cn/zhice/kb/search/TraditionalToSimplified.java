package cn.zhice.kb.search;

import cn.zhice.kb.SimplifiedChinese;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * 繁→简 as a Lucene character map ({@link SimplifiedChinese}'s table). A char-level map (unlike ICU's token filter)
 * converts before segmentation, so the segmenter sees the simplified text it was trained on, and
 * {@code MappingCharFilter} keeps highlight offsets right.
 */
final class TraditionalToSimplified {

    static final NormalizeCharMap MAP = build();

    private TraditionalToSimplified() {}

    private static NormalizeCharMap build() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        SimplifiedChinese.forEachMapping(map::add);
        return map.build();
    }
}
