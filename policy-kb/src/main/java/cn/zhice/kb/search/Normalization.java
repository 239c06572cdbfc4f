package cn.zhice.kb.search;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/** The character filters every field shares: NFKC with case folding (全角→半角, Ａ→a), then 繁→简. */
final class Normalization {

    private static final Normalizer2 NFKC_CASE_FOLD = Normalizer2.getNFKCCasefoldInstance();

    private Normalization() {}

    static Reader wrap(Reader reader) {
        return new MappingCharFilter(TraditionalToSimplified.MAP, new ICUNormalizer2CharFilter(reader, NFKC_CASE_FOLD));
    }
}
