package cn.zhice.kb.search;

import cn.zhice.kb.vocabulary.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The analyzers for one vocabulary: what the index writer uses and what queries use. Built anew (cheaply) when
 * staff change synonyms or terms.
 */
final class Analyzers {

    /** Words that carry no meaning for retrieval: particles, politeness and fillers residents type. */
    static final CharArraySet STOP_WORDS = stopWords();

    final Analyzer index;
    final Analyzer queryWords;
    final Analyzer bigrams;
    final Vocabulary vocabulary;

    Analyzers(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        ChineseWordAnalyzer plain = new ChineseWordAnalyzer(STOP_WORDS, null, false);
        this.bigrams = new ChineseBigramAnalyzer();
        SynonymMap terms = termMap(vocabulary, plain, false);
        SynonymMap termsAndSynonyms = termMap(vocabulary, plain, true);
        this.index = new PerFieldAnalyzerWrapper(
                new ChineseWordAnalyzer(STOP_WORDS, terms, true), Map.of(EntryFields.NAME_BIGRAMS, bigrams));
        this.queryWords = new ChineseWordAnalyzer(STOP_WORDS, termsAndSynonyms, false);
    }

    private static SynonymMap termMap(Vocabulary vocabulary, Analyzer plain, boolean withSynonyms) {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
            if (withSynonyms) {
                for (var group : vocabulary.synonymGroups()) {
                    parser.parse(new java.io.StringReader(String.join(",", group.stream().map(Analyzers::escape).toList())));
                    addWholeForms(parser, plain, group);
                }
            }
            for (String term : vocabulary.terms()) {
                CharsRef parts = parser.analyze(term, new CharsRefBuilder());
                if (parts.length > 0 && parts.toString().indexOf(SynonymMap.WORD_SEPARATOR) >= 0) {
                    parser.add(parts, new CharsRef(normalised(plain, term)), true);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.text.ParseException | IllegalArgumentException e) {
            throw new IllegalStateException("词表无法解析: " + e.getMessage(), e);
        }
    }

    /**
     * smartcn segments in context: 社会保险 alone is 社会 + 保险, but in 社会保险缴费基数 it is one word. So a synonym
     * that analyses into several words also stands for its whole (normalised) spelling, or 社保 would never find
     * a document that says 社会保险缴费.
     */
    private static void addWholeForms(SolrSynonymParser parser, Analyzer plain, List<String> group) throws IOException {
        for (String member : group) {
            CharsRef parts = parser.analyze(member, new CharsRefBuilder());
            if (parts.toString().indexOf(SynonymMap.WORD_SEPARATOR) < 0) {
                continue;
            }
            CharsRef whole = new CharsRef(normalised(plain, member));
            for (String other : group) {
                parser.add(parser.analyze(other, new CharsRefBuilder()), whole, false);
            }
        }
    }

    /** The term as the analysis chain would spell it (simplified, half-width, lower case). */
    private static String normalised(Analyzer analyzer, String term) {
        return analyzer.normalize("", term).utf8ToString();
    }

    private static String escape(String term) {
        return term.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "\\=>");
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        words.addAll(Set.of(
                "的", "了", "吗", "呢", "啊", "吧", "呀", "哦", "嘛", "么", "哈",
                "你好", "您好", "请问", "麻烦", "谢谢", "一下", "想", "问", "请", "我", "我们", "咱们", "这个", "那个",
                "怎么", "怎样", "如何", "什么", "哪里", "哪儿", "在哪", "哪些", "可以", "能", "需要", "要"));
        return CharArraySet.unmodifiableSet(words);
    }
}
