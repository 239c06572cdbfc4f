package cn.zhice.kb.search;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Word-level Chinese analysis: normalisation, smartcn's HMM segmentation, stop words, then the staff vocabulary
 * (domain terms kept whole, and at query time synonyms). Index-time graphs are flattened, as Lucene requires.
 */
final class ChineseWordAnalyzer extends NormalizingAnalyzer {

    private final CharArraySet stopWords;
    private final SynonymMap vocabulary;
    private final boolean indexTime;

    /**
     * @param vocabulary terms and synonyms to inject, or null for none
     * @param indexTime  whether the stream feeds an index (then synonym graphs are flattened)
     */
    ChineseWordAnalyzer(CharArraySet stopWords, SynonymMap vocabulary, boolean indexTime) {
        this.stopWords = stopWords;
        this.vocabulary = vocabulary;
        this.indexTime = indexTime;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream stream = new StopFilter(tokenizer, stopWords);
        if (vocabulary != null && vocabulary.fst != null) {
            stream = new SynonymGraphFilter(stream, vocabulary, true);
            if (indexTime) {
                stream = new FlattenGraphFilter(stream);
            }
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
