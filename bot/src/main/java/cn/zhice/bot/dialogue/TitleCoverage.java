package cn.zhice.bot.dialogue;

import cn.zhice.kb.SearchHit;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Breaks a near tie between the two best hits the way a person reading the two titles would: the title the user's
 * own words cover clearly better wins ("保安员证不见了怎么补办" → 遗失补发, not 损毁换发; "注册安全工程师" → not
 * 注册核安全工程师). Search scores sum evidence over title, keywords and body; this looks at the titles alone, which
 * is what tells variants of one service apart. When the titles are covered alike, or neither mostly, nothing is
 * decided and the bot asks.
 */
final class TitleCoverage {

    /** How much better one title must be covered to decide a near tie. */
    static final double MARGIN = 0.05;
    /** The winning title must be mostly spelled out by the question: "执照" alone decides nothing. */
    static final double MIN_COVERAGE = 0.5;

    private TitleCoverage() {}

    /** The hit the question's words point to, or empty when both titles fit it alike. */
    static Optional<SearchHit> decide(String question, SearchHit first, SearchHit second) {
        Set<Integer> asked = characters(question);
        double firstCoverage = coverage(asked, first.title());
        double secondCoverage = coverage(asked, second.title());
        if (firstCoverage >= secondCoverage + MARGIN && firstCoverage >= MIN_COVERAGE) {
            return Optional.of(first);
        }
        if (secondCoverage >= firstCoverage + MARGIN && secondCoverage >= MIN_COVERAGE) {
            return Optional.of(second);
        }
        return Optional.empty();
    }

    /** The share of a title's distinct letters, digits and Han characters that the question uses. */
    static double coverage(Set<Integer> asked, String title) {
        Set<Integer> titled = characters(title);
        if (titled.isEmpty()) {
            return 0;
        }
        return titled.stream().filter(asked::contains).count() / (double) titled.size();
    }

    private static Set<Integer> characters(String text) {
        return text.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .boxed()
                .collect(Collectors.toSet());
    }
}
