package cn.zhice.bot.dialogue;

import cn.zhice.kb.SearchHit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Chooses among the strong hits by what the user wants done, as a 窗口 clerk would, where search scores alone pick the
 * service that shares the most words. Search ranks the service that issues a licence above the one that looks it up
 * or books an appointment for it, a variant for a special group above the general service, and a change or
 * cancellation of a service above the service itself; these rules correct that from the titles and the question.
 */
final class ServiceChoice {

    /** Asking to look something up ("怎么查", "查一下", "查询进度"), not where policies are published ("在哪查"). */
    static final Pattern LOOKS_UP = Pattern.compile("(怎么|如何|网上|去哪里?|哪里能|帮我)查|查(一下|询)|进度");
    /** What asking for an action looks like → the word in the title of the service that performs it. */
    private static final List<Map.Entry<Pattern, String>> ACTIONS = List.of(
            Map.entry(LOOKS_UP, "查询"), Map.entry(Pattern.compile("预约"), "预约"));
    /** A 查询 or 预约 service on another subject is still preferred down to this share of the best hit's score. */
    static final double ACTION_SCORE_SHARE = 0.5;
    /** Two titles are about the same subject when they share this many characters in a row (食品经营许可). */
    static final int SAME_SUBJECT = 4;
    /** A general service is preferred to a special variant of it down to this share of the variant's score. */
    static final double GENERAL_SCORE_SHARE = 0.8;
    /** A service without an unasked change is preferred to one with it down to this share of its score. */
    static final double PLAIN_SCORE_SHARE = 0.9;
    /** Variants of a service that a user asks for in so many words; title word → what asking for it looks like. */
    private static final Map<String, Pattern> VARIANTS = Map.of(
            "变更", Pattern.compile("变更|更改|修改|改|变动"),
            "注销", Pattern.compile("注销|取消|不(想|要|用)了|停"),
            "撤销", Pattern.compile("撤销|撤回"),
            "延续", Pattern.compile("延续|延期|续期|到期"),
            "补发", Pattern.compile("补|丢|遗失|不见|损"),
            "补领", Pattern.compile("补|丢|遗失|不见|损"),
            "换发", Pattern.compile("换|过期|到期"),
            "换领", Pattern.compile("换|过期|到期"));

    private ServiceChoice() {}

    /** The hit to answer instead of the best one, or the best one itself when it is already the action asked for. */
    static Optional<SearchHit> choose(String question, List<SearchHit> hits, double minScore) {
        SearchHit top = hits.get(0);
        for (Map.Entry<Pattern, String> action : ACTIONS) {
            if (!action.getKey().matcher(question).find()) {
                continue;
            }
            String word = action.getValue();
            if (top.title().contains(word)) {
                return Optional.of(top);
            }
            List<SearchHit> services = hits.stream()
                    .filter(hit -> hit.title().contains(word) && hit.score() >= minScore)
                    .filter(hit -> !unaskedVariant(question, hit.title()))
                    .toList();
            // The service on the best hit's own subject first, then any that scores close enough.
            Optional<SearchHit> service = services.stream()
                    .filter(hit -> sameSubject(hit.title().replace(word, ""), top.title()))
                    .findFirst()
                    .or(() -> services.stream().filter(hit -> hit.score() >= ACTION_SCORE_SHARE * top.score()).findFirst());
            if (service.isPresent()) {
                return service;
            }
        }
        return general(question, hits).or(() -> plain(question, hits));
    }

    /**
     * "申请法律援助" asks for 法律援助, not 困难妇女儿童法律援助项目: a hit whose whole title is part of the best hit's
     * title is the general service, answered unless the question names most of what the special one adds.
     */
    private static Optional<SearchHit> general(String question, List<SearchHit> hits) {
        SearchHit top = hits.get(0);
        Set<Integer> asked = characters(question);
        return hits.stream().skip(1)
                .filter(hit -> hit.score() >= GENERAL_SCORE_SHARE * top.score())
                .filter(hit -> hit.title().length() >= 2 && top.title().length() > hit.title().length()
                        && top.title().contains(hit.title()))
                .filter(hit -> {
                    Set<Integer> added = characters(top.title());
                    added.removeAll(characters(hit.title()));
                    return added.stream().filter(asked::contains).count() * 2 < added.size();
                })
                .findFirst();
    }

    /**
     * "出省植物检疫证书在哪办" asks for the certificate, not for changing one: when the best hit is a change, renewal,
     * replacement or cancellation the question does not ask for, a near equal hit on the same subject that is not
     * one is answered.
     */
    private static Optional<SearchHit> plain(String question, List<SearchHit> hits) {
        SearchHit top = hits.get(0);
        if (!unaskedVariant(question, top.title())) {
            return Optional.empty();
        }
        return hits.stream().skip(1)
                .filter(hit -> hit.score() >= PLAIN_SCORE_SHARE * top.score())
                .filter(hit -> VARIANTS.keySet().stream().noneMatch(hit.title()::contains))
                .filter(hit -> sameSubject(hit.title(), top.title()))
                .findFirst();
    }

    private static boolean unaskedVariant(String question, String title) {
        return VARIANTS.entrySet().stream()
                .anyMatch(variant -> title.contains(variant.getKey()) && !variant.getValue().matcher(question).find());
    }

    /** Whether the titles share {@link #SAME_SUBJECT} letters in a row. */
    static boolean sameSubject(String one, String other) {
        String a = letters(one);
        String b = letters(other);
        for (int start = 0; start + SAME_SUBJECT <= a.length(); start++) {
            if (b.contains(a.substring(start, start + SAME_SUBJECT))) {
                return true;
            }
        }
        return false;
    }

    private static String letters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static Set<Integer> characters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).boxed().collect(Collectors.toSet());
    }
}
