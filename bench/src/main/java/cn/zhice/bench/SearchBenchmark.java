package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import cn.zhice.kb.search.EntryIndex;
import cn.zhice.kb.search.LucenePolicySearch;
import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one knowledge-base search (top 10 with snippets, as the bot asks) on an index of 5,000 and 50,000
 * entries, cycling through the development questions, and the bot's search (top 5, no snippets). Sample-time mode,
 * so JMH reports p50, p99 and the maximum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class SearchBenchmark {

    @Param({"5000", "50000"})
    public int entries;

    private Path folder;
    private EntryIndex index;
    private LucenePolicySearch search;
    private List<SearchQuery> questions;
    private List<SearchQuery> botQuestions;

    @Setup(Level.Trial)
    public void buildIndex() throws IOException {
        Clock clock = RetrievalEval.evaluationClock();
        Vocabulary vocabulary = DefaultVocabulary.load();
        List<Entry> corpus = BenchmarkCorpus.of(entries);
        // The directory the app opens (FSDirectory.open: memory-mapped files). A ByteBuffersDirectory costs
        // differently: every postings slice copies its buffer list and names itself, a third of a search's garbage.
        folder = Files.createTempDirectory("zhice-search-bench");
        // Closing the index that built the corpus waits for its background merges, which would otherwise compete
        // with the measured searches for the two cores; the searched index then opens the merged segments.
        try (EntryIndex building = new EntryIndex(FSDirectory.open(folder), vocabulary)) {
            building.replaceAll(sink -> corpus.forEach(sink), OffsetDateTime.now(clock));
        }
        index = new EntryIndex(FSDirectory.open(folder), vocabulary);
        search = new LucenePolicySearch(index, clock);
        questions = EvalQuestion.loadAll().stream().map(q -> SearchQuery.of(q.question(), 10)).toList();
        botQuestions = questions.stream().map(q -> SearchQuery.of(q.text(), 5).withoutSnippets()).toList();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Each thread walks the questions from its own position, so consecutive calls ask different things. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public List<SearchHit> search(Cursor cursor) {
        SearchQuery question = questions.get(cursor.next);
        cursor.next = (cursor.next + 1) % questions.size();
        return search.search(question);
    }

    /** The bot's search: top 5 without snippets (it shows titles), as every WeChat message that needs one runs it. */
    @Benchmark
    public List<SearchHit> searchAsTheBot(Cursor cursor) {
        SearchQuery question = botQuestions.get(cursor.next);
        cursor.next = (cursor.next + 1) % botQuestions.size();
        return search.search(question);
    }
}
