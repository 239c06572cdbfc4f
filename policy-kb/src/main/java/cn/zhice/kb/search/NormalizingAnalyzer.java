package cn.zhice.kb.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;

/**
 * What every zhice analyzer shares: the normalising character filters (NFKC case folding, 繁→简) before the
 * tokenizer, for indexing, querying and term normalisation alike, and a position gap between the values of a
 * multi-valued field so that a phrase never spans two similar questions.
 */
abstract class NormalizingAnalyzer extends Analyzer {

    @Override
    protected final Reader initReader(String fieldName, Reader reader) {
        return Normalization.wrap(reader);
    }

    @Override
    protected final Reader initReaderForNormalization(String fieldName, Reader reader) {
        return Normalization.wrap(reader);
    }

    @Override
    public final int getPositionIncrementGap(String fieldName) {
        return 100;
    }
}
