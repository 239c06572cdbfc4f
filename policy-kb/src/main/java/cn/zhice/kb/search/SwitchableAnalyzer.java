package cn.zhice.kb.search;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * Lets a long-lived {@code IndexWriter} pick up a new vocabulary: it always delegates to the current analyzer, and
 * token-stream reuse is kept per delegate, so a swapped-out analyzer's cached components are never used again.
 */
final class SwitchableAnalyzer extends DelegatingAnalyzerWrapper {

    private final Supplier<Analyzer> current;

    SwitchableAnalyzer(Supplier<Analyzer> current) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.current = current;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return current.get();
    }
}
