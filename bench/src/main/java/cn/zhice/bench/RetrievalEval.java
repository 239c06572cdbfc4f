package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.PolicySearch;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import cn.zhice.kb.search.EntryIndex;
import cn.zhice.kb.search.LucenePolicySearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval quality of the knowledge-base search on the development questions: indexes the demo entries and the
 * Guangdong service items with the default vocabulary, asks every question for its top 10, and reports recall@1,
 * recall@3 and MRR@10 overall and per source, the questions whose answer did not come first, and
 * {@code bench/target/eval-results.json}.
 *
 * <p>Usage, from the project root: {@code bench/run-eval.sh [dataset.jsonl]}. Without the dataset only the demo
 * questions are asked.
 */
public final class RetrievalEval {

    private static final int TOP = 10;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Search hides entries outside their validity window, so the day is pinned: the numbers must not change when a
     * demo policy expires. The questions were written on this day.
     */
    static final LocalDate EVALUATION_DAY = LocalDate.of(2026, 11, 23);

    /** A clock stopped at the start of {@link #EVALUATION_DAY}, China time. */
    static Clock evaluationClock() {
        return Clock.fixed(EVALUATION_DAY.atStartOfDay(ZONE).toInstant(), ZONE);
    }

    private RetrievalEval() {}

    public static void main(String[] args) throws IOException {
        Path workingDirectory = Path.of("");
        Optional<String> given = args.length > 0 ? Optional.of(args[0]) : Optional.empty();
        Optional<Path> dataset = Corpus.locateDataset(given, workingDirectory);
        if (dataset.isEmpty()) {
            System.out.printf("Dataset %s not found: evaluating the demo questions only.%n",
                    given.orElse("../shared/datasets/" + Corpus.DATASET));
        }
        Corpus corpus = Corpus.load(dataset);
        EvalReport report = run(corpus, dataset);
        print(report, corpus);
        Path out = Corpus.projectRoot(workingDirectory).map(root -> root.resolve("bench/target"))
                .orElse(workingDirectory.resolve("target"))
                .resolve("eval-results.json");
        Files.createDirectories(out.getParent());
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), report);
        System.out.println("Written " + out.toAbsolutePath().normalize());
    }

    /**
     * Indexes the corpus with the shipped vocabulary and asks every development question (only the demo ones when
     * the dataset is absent).
     */
    static EvalReport run(Corpus corpus, Optional<Path> dataset) throws IOException {
        List<EvalQuestion> questions = EvalQuestion.loadAll().stream()
                .filter(question -> dataset.isPresent() || !"gd".equals(question.source()))
                .toList();
        Clock clock = evaluationClock();
        try (EntryIndex index = new EntryIndex(new ByteBuffersDirectory(), DefaultVocabulary.load())) {
            List<Entry> entries = corpus.all();
            index.replaceAll(sink -> entries.forEach(sink), OffsetDateTime.now(clock));
            Map<String, String> titles = entries.stream()
                    .collect(Collectors.toMap(Entry::externalId, Entry::title, (a, b) -> a));
            return evaluate(new LucenePolicySearch(index, clock), questions, titles, index.size(),
                    dataset.map(Path::toString).orElse(null));
        }
    }

    static EvalReport evaluate(PolicySearch search, List<EvalQuestion> questions, Map<String, String> titles,
            int indexSize, String dataset) {
        for (EvalQuestion question : questions) {
            question.gold().stream().filter(id -> !titles.containsKey(id)).forEach(id -> System.out.printf(
                    "Warning: gold id %s of \"%s\" is not in the index%n", id, question.question()));
        }
        List<Outcome> outcomes = questions.stream()
                .map(question -> new Outcome(question, search.search(SearchQuery.of(question.question(), TOP))))
                .toList();
        Map<String, Scores> bySource = outcomes.stream().collect(Collectors.groupingBy(
                outcome -> outcome.question().source(), TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), Scores::of)));
        Function<String, Ref> ref = id -> new Ref(id, titles.get(id));
        List<Miss> misses = outcomes.stream()
                .filter(outcome -> outcome.rank() != 1)
                .map(outcome -> new Miss(
                        outcome.question().question(),
                        outcome.question().source(),
                        outcome.question().gold().stream().map(ref).toList(),
                        outcome.rank(),
                        outcome.hits().stream().limit(3).map(hit -> new Ref(hit.externalId(), hit.title())).toList()))
                .toList();
        return new EvalReport(EVALUATION_DAY.toString(), dataset, indexSize, Scores.of(outcomes), bySource, misses);
    }

    private static void print(EvalReport report, Corpus corpus) {
        System.out.printf("Index: %d entries (%d demo, %d Guangdong service items)%n",
                report.indexSize(), corpus.demo().size(), corpus.gd().size());
        System.out.printf("%-8s %9s %9s %9s %9s%n", "source", "questions", "recall@1", "recall@3", "MRR@10");
        report.bySource().forEach((source, scores) -> System.out.println(row(source, scores)));
        System.out.println(row("overall", report.overall()));
        System.out.printf("%nNot first (%d):%n", report.missesAtRank1().size());
        for (Miss miss : report.missesAtRank1()) {
            System.out.printf("[%s] %s%n", miss.source(), miss.question());
            String rank = miss.goldRank() == 0 ? "not in top " + TOP : "rank " + miss.goldRank();
            String gold = miss.gold().stream().map(Ref::toString).collect(Collectors.joining(" | "));
            System.out.printf("    gold (%s): %s%n", rank, gold);
            for (int i = 0; i < miss.top3().size(); i++) {
                System.out.printf("    %d. %s%n", i + 1, miss.top3().get(i));
            }
        }
    }

    private static String row(String label, Scores scores) {
        return String.format(Locale.ROOT, "%-8s %9d %9.3f %9.3f %9.3f",
                label, scores.questions(), scores.recallAt1(), scores.recallAt3(), scores.mrrAt10());
    }

    /** A question and what search returned for it. */
    record Outcome(EvalQuestion question, List<SearchHit> hits) {

        /** The 1-based rank of the first gold entry among the hits, 0 when none is there. */
        int rank() {
            for (int i = 0; i < hits.size(); i++) {
                if (question.gold().contains(hits.get(i).externalId())) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** Retrieval scores over a set of questions. */
    record Scores(int questions, double recallAt1, double recallAt3, double mrrAt10) {

        static Scores of(List<Outcome> outcomes) {
            int n = outcomes.size();
            if (n == 0) {
                return new Scores(0, 0, 0, 0);
            }
            List<Integer> ranks = new ArrayList<>(n);
            outcomes.forEach(outcome -> ranks.add(outcome.rank()));
            return new Scores(n,
                    ranks.stream().filter(rank -> rank == 1).count() / (double) n,
                    ranks.stream().filter(rank -> rank >= 1 && rank <= 3).count() / (double) n,
                    ranks.stream().filter(rank -> rank >= 1).mapToDouble(rank -> 1.0 / rank).sum() / n);
        }
    }

    /** An entry by id and title. */
    record Ref(String id, String title) {

        @Override
        public String toString() {
            return id + " " + title;
        }
    }

    /** A question whose answer did not come first: the gold entries, the gold rank (0: not in top 10), the top 3. */
    record Miss(String question, String source, List<Ref> gold, int goldRank, List<Ref> top3) {}

    /** What {@code eval-results.json} holds. */
    record EvalReport(String evaluatedOn, String dataset, int indexSize, Scores overall, Map<String, Scores> bySource,
            List<Miss> missesAtRank1) {}
}
