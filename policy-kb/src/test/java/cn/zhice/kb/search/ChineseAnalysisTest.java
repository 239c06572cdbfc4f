package cn.zhice.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * Golden token lists for the Chinese analysis chain. The segmentations are smartcn's (Lucene 9.12); a change here
 * after a Lucene upgrade is worth reading before the golden lists are updated.
 */
class ChineseAnalysisTest {

    private static final Vocabulary VOCABULARY = new Vocabulary(
            List.of(List.of("高企", "高新技术企业"), List.of("社保", "社会保险")),
            List.of("营业执照", "高新技术企业", "依申请公开"));

    private final Analyzers analyzers = new Analyzers(VOCABULARY);
    private final Analyzers plain = new Analyzers(Vocabulary.EMPTY);

    @Test
    void segmentsSimplifiedTextIntoWords() {
        assertThat(terms(plain.queryWords, "高新技术企业认定在哪里申请"))
                .containsExactly("高新技术", "企业", "认定", "在", "申请");
        assertThat(terms(plain.index, EntryFields.NAME, "创业担保贷款贴息"))
                .containsExactly("创业", "担保", "贷款", "贴息");
        assertThat(terms(plain.index, EntryFields.NAME, "高層次人才購房補貼"))
                .containsExactly("高层次", "人才", "购房", "补贴");
    }

    @Test
    void traditionalInputYieldsTheSameTokensAsSimplified() {
        String traditional = "營業執照怎麼辦理";
        String simplified = "营业执照怎么办理";

        assertThat(terms(analyzers.index, EntryFields.NAME, traditional))
                .containsExactly("营业执照", "办理")
                .isEqualTo(terms(analyzers.index, EntryFields.NAME, simplified));
        assertThat(terms(analyzers.queryWords, traditional))
                .isEqualTo(terms(analyzers.queryWords, simplified));
        assertThat(terms(analyzers.bigrams, traditional))
                .isEqualTo(terms(analyzers.bigrams, simplified));
    }

    @Test
    void keepsOffsetsOfTraditionalInputSoHighlightsQuoteTheOriginal() {
        String traditional = "營業執照怎麼辦理";

        List<Token> tokens = tokens(analyzers.index, EntryFields.CONTENT, traditional);

        assertThat(tokens).extracting(token -> traditional.substring(token.start(), token.end()))
                .containsExactly("營業執照", "辦理");
    }

    @Test
    void normalisesFullWidthLettersAndDigitsToHalfWidthLowerCase() {
        assertThat(terms(analyzers.queryWords, "ＡＢＣ１２３")).containsExactly("abc", "123");
        assertThat(terms(analyzers.index, EntryFields.NAME, "ＡＢＣ公司１２３号"))
                .containsExactly("abc", "公司", "123", "号")
                .isEqualTo(terms(analyzers.index, EntryFields.NAME, "abc公司123号"));
        assertThat(terms(analyzers.bigrams, "ＡＢＣ１２３")).containsExactly("abc123");
    }

    @Test
    void dropsFillerAndStopWords() {
        assertThat(terms(plain.index, EntryFields.NAME, "请问社保的缴费基数吗"))
                .containsExactly("社保", "缴费", "基数");
        assertThat(terms(plain.queryWords, "请问办营业执照需要什么材料吗"))
                .containsExactly("办", "营业执照", "材料");
        assertThat(terms(analyzers.queryWords, "请问的吗")).isEmpty();
        assertThat(terms(analyzers.index, EntryFields.NAME, "你好请问")).isEmpty();
    }

    @Test
    void keepsPositionGapsWhereStopWordsWereDropped() {
        // 请问(0) 社保(1) 的(2) 缴费(3): a phrase "社保 缴费" must not match across a dropped word
        assertThat(tokens(plain.index, EntryFields.NAME, "请问社保的缴费基数吗"))
                .extracting(Token::position)
                .containsExactly(1, 3, 4);
    }

    @Test
    void expandsSynonymGroupAtQueryTime() {
        List<Token> abbreviation = tokens(analyzers.queryWords, "高企认定");

        assertThat(abbreviation).extracting(Token::term)
                .contains("高", "企", "认定", "高新技术", "企业", "高新技术企业");
        // 高新技术 is an alternative to 高, not a word after it: both start the graph
        assertThat(abbreviation).filteredOn(token -> token.position() == 0).extracting(Token::term)
                .contains("高", "高新技术");
        assertThat(abbreviation).last().extracting(Token::term).isEqualTo("认定");

        assertThat(terms(analyzers.queryWords, "高新技术企业"))
                .contains("高新技术企业", "高新技术", "企业", "高", "企");
        assertThat(terms(plain.queryWords, "高企认定")).containsExactly("高", "企", "认定");
    }

    @Test
    void expandsSynonymToItsWholeSpellingAsWellAsItsWords() {
        // smartcn splits 社会保险 when it stands alone but keeps it whole in 社会保险缴费基数
        assertThat(terms(plain.index, EntryFields.NAME, "社会保险")).containsExactly("社会", "保险");
        assertThat(terms(plain.index, EntryFields.NAME, "社会保险缴费基数")).startsWith("社会保险");

        assertThat(terms(analyzers.queryWords, "社保"))
                .containsExactlyInAnyOrder("社保", "社会", "保险", "社会保险");
    }

    @Test
    void doesNotExpandSynonymsAtIndexTime() {
        // synonyms live only in the query, so staff can change them without a rebuild
        assertThat(terms(analyzers.index, EntryFields.NAME, "高企认定")).containsExactly("高", "企", "认定");
        assertThat(terms(analyzers.index, EntryFields.NAME, "社保")).containsExactly("社保");
    }

    @Test
    void indexesDomainTermWholeAlongsideItsParts() {
        List<Token> tokens = tokens(analyzers.index, EntryFields.NAME, "依申请公开政府信息");

        assertThat(tokens).extracting(Token::term)
                .containsExactly("依申请公开", "依", "申请", "公开", "政府", "信息");
        assertThat(tokens).filteredOn(token -> token.term().equals("依申请公开"))
                .singleElement()
                .satisfies(term -> {
                    assertThat(term.position()).isZero();
                    assertThat(term.start()).isZero();
                    assertThat(term.end()).isEqualTo(5);
                });
        assertThat(terms(analyzers.index, EntryFields.NAME, "高新技术企业"))
                .containsExactly("高新技术企业", "高新技术", "企业");
        assertThat(terms(plain.index, EntryFields.NAME, "依申请公开政府信息"))
                .containsExactly("依", "申请", "公开", "政府", "信息");
    }

    @Test
    void keepsBusinessLicenceAsOneWord() {
        // smartcn already knows 营业执照, so the domain term changes nothing here: it is never split into 营业/执照
        assertThat(terms(analyzers.index, EntryFields.NAME, "营业执照的办理地点在哪里呢"))
                .containsExactly("营业执照", "办理", "地点", "在");
        assertThat(terms(plain.index, EntryFields.NAME, "营业执照")).containsExactly("营业执照");
    }

    @Test
    void bigramAnalyzerYieldsOverlappingBigrams() {
        List<Token> tokens = tokens(analyzers.bigrams, "营业执照怎么办理");

        assertThat(tokens).extracting(Token::term)
                .containsExactly("营业", "业执", "执照", "照怎", "怎么", "么办", "办理");
        assertThat(tokens).extracting(Token::position).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(tokens).extracting(Token::start).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void indexAnalyzerRoutesBigramFieldsToBigrams() {
        assertThat(terms(analyzers.index, EntryFields.NAME_BIGRAMS, "營業執照"))
                .containsExactly("营业", "业执", "执照");
        assertThat(terms(analyzers.index, EntryFields.CONTENT, "營業執照")).containsExactly("营业执照");
        assertThat(terms(analyzers.index, EntryFields.NAME, "營業執照")).containsExactly("营业执照");
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return terms(analyzer, EntryFields.NAME, text);
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        return tokens(analyzer, EntryFields.NAME, text);
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    private static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private record Token(String term, int position, int start, int end) {}
}
