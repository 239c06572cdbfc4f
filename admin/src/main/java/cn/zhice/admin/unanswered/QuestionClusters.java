package cn.zhice.admin.unanswered;

import cn.zhice.bot.ConversationLog.FlaggedTurn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups similar questions: two questions are alike when the Jaccard similarity of their character bigrams is at
 * least {@link #THRESHOLD}, after the question words that say nothing about the topic (怎么, 哪里, 请问, 吗 …) are
 * removed, so that 「宠物狗怎么办证」 and 「宠物狗办证去哪里」 meet on 宠物狗办证. Character bigrams suit Chinese, where word segmentation of short colloquial questions is
 * unreliable; a greedy leader pass (each question joins the first cluster whose leader it resembles) keeps it linear
 * in the number of clusters per question, which is plenty for a month of flagged turns.
 */
final class QuestionClusters {

    static final double THRESHOLD = 0.4;

    private QuestionClusters() {}

    /** One group: the leading (most recent) wording, its turns, and the flags seen. */
    record Cluster(String wording, List<FlaggedTurn> turns) {
        public List<Long> turnIds() {
            return turns.stream().map(FlaggedTurn::id).toList();
        }

        public long count() {
            return turns.size();
        }

        public Set<String> flags() {
            Set<String> flags = new java.util.LinkedHashSet<>();
            turns.forEach(t -> flags.add(t.flag().name()));
            return flags;
        }
    }

    static List<Cluster> of(List<FlaggedTurn> turns) {
        List<Set<String>> leaders = new ArrayList<>();
        List<List<FlaggedTurn>> groups = new ArrayList<>();
        for (FlaggedTurn turn : turns) {
            Set<String> grams = bigrams(turn.normalized() == null || turn.normalized().isBlank() ? turn.text() : turn.normalized());
            int best = -1;
            double bestScore = THRESHOLD;
            for (int i = 0; i < leaders.size(); i++) {
                double score = jaccard(grams, leaders.get(i));
                if (score >= bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                leaders.add(grams);
                groups.add(new ArrayList<>(List.of(turn)));
            } else {
                groups.get(best).add(turn);
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        for (List<FlaggedTurn> group : groups) {
            clusters.add(new Cluster(group.get(0).text(), List.copyOf(group)));
        }
        clusters.sort((a, b) -> Long.compare(b.count(), a.count()));
        return clusters;
    }

    /** Interrogatives, politeness and sentence particles: how people ask, not what they ask about. */
    private static final java.util.regex.Pattern FILLERS = java.util.regex.Pattern.compile(
            "请问|我想|我要|一下|怎么样|怎么|怎样|如何|哪里|哪儿|在哪|去哪|什么|是否|能不能|可不可以|吗|呢|啊|呀|吧|[\\p{P}\\p{S}\\s]");

    static Set<String> bigrams(String text) {
        String clean = FILLERS.matcher(text).replaceAll("");
        Set<String> grams = new HashSet<>();
        if (clean.length() == 1) {
            grams.add(clean);
        }
        for (int i = 0; i + 1 < clean.length(); i++) {
            grams.add(clean.substring(i, i + 2));
        }
        return grams;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String gram : a) {
            if (b.contains(gram)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
