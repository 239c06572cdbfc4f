package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.search.EntryIndex;
import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.ByteBuffersDirectory;
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
 * Time to rebuild the whole index ({@link EntryIndex#replaceAll}, as after a vocabulary change or a schema bump) for
 * 5,000 and 50,000 entries, into a fresh in-memory directory each time, until the new contents are committed and
 * searchable. The entries are prepared beforehand, so only analysis, indexing and the commit are measured; merges
 * still running after the commit finish when the index closes, outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 4)
@Measurement(iterations = 5)
public class IndexBuildBenchmark {

    @Param({"5000", "50000"})
    public int entries;

    private List<Entry> corpus;
    private Vocabulary vocabulary;
    private EntryIndex index;

    @Setup(Level.Trial)
    public void prepare() {
        corpus = BenchmarkCorpus.of(entries);
        vocabulary = DefaultVocabulary.load();
    }

    @Setup(Level.Invocation)
    public void openIndex() throws IOException {
        index = new EntryIndex(new ByteBuffersDirectory(), vocabulary);
    }

    @TearDown(Level.Invocation)
    public void closeIndex() throws IOException {
        index.close();
    }

    @Benchmark
    public int replaceAll() {
        index.replaceAll(sink -> corpus.forEach(sink), OffsetDateTime.now());
        return index.size();
    }
}
