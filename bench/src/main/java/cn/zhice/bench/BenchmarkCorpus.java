package cn.zhice.bench;

import cn.zhice.kb.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The entries both benchmarks index: the real corpus replicated to the requested size. */
final class BenchmarkCorpus {

    private BenchmarkCorpus() {}

    /**
     * {@code size} entries grown from the demo entries and the Guangdong service items, or from the demo entries
     * alone (said on the console) when the dataset is not next to the project.
     */
    static List<Entry> of(int size) {
        Optional<Path> dataset = Corpus.locateDataset(Optional.empty(), Path.of(""));
        if (dataset.isEmpty()) {
            System.out.println("Dataset " + Corpus.DATASET + " not found: replicating the demo entries only.");
        }
        return SyntheticCorpus.of(Corpus.load(dataset).all(), size);
    }
}
