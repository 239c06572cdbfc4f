package cn.zhice.bot.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Segments a normalised message into the words the intent classifier sees, with smartcn's HMM segmenter. No stop
 * words: 吗, 啥, 哪 and 不 are exactly what tells 我能申请吗 from 在哪申请 and 不想收推送 from 想收推送.
 */
final class MessageTokens {

    // Analyzer reuses one token stream per thread, so a single instance is safe to share.
    private static final Analyzer SEGMENTER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    };

    private MessageTokens() {}

    static String[] of(String normalized) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = SEGMENTER.tokenStream("", normalized)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = term.toString();
                // A question mark is kept: it separates 好的? (asking) from 好的 (thanks).
                if (token.equals("?") || !isPunctuation(token)) {
                    tokens.add(token);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens.toArray(String[]::new);
    }

    private static boolean isPunctuation(String token) {
        return token.codePoints().noneMatch(Character::isLetterOrDigit);
    }
}
