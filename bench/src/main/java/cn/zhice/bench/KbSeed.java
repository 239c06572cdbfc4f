package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.store.EntryCodec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a knowledge base of a given size as an import file (JSON Lines, all published), built like the benchmark
 * corpus: the demo entries and the Guangdong service items, replicated into further districts. For load tests that
 * need a realistically sized knowledge base in a running app. Arguments: entry count, output file.
 */
public final class KbSeed {

    private KbSeed() {}

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Corpus corpus = Corpus.load(Corpus.locateDataset(Optional.empty(), Path.of("")));
        List<Entry> entries = SyntheticCorpus.of(corpus.all(), size);
        EntryCodec codec = new EntryCodec();
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                ObjectNode line = codec.tree(entry);
                line.put("status", "PUBLISHED");
                writer.write(codec.mapper().writeValueAsString(line));
                writer.write('\n');
            }
        }
        System.out.printf("Wrote %d entries to %s%n", entries.size(), out);
    }
}
