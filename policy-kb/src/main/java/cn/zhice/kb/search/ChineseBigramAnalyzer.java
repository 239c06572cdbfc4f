package cn.zhice.kb.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Overlapping CJK bigrams over normalised text. Segmentation-free, so it still matches when the segmenter splits a
 * typo, a rare name or a colloquial phrase differently in the question and in the document.
 */
final class ChineseBigramAnalyzer extends NormalizingAnalyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKBigramFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
