package cn.zhice.kb.search;

import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the on-disk index, starting afresh (to be rebuilt from the database) when it is unreadable. */
final class LocalIndex {

    private static final Logger log = LoggerFactory.getLogger(LocalIndex.class);

    private LocalIndex() {}

    static EntryIndex open(Path directory, Vocabulary vocabulary) throws IOException {
        Files.createDirectories(directory);
        try {
            return new EntryIndex(FSDirectory.open(directory), vocabulary);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("索引目录 " + directory.toAbsolutePath()
                    + " 正被另一个进程使用；每个实例需要自己的 zhice.kb.index-dir", e);
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} is unreadable ({}); rebuilding it from the database",
                    directory.toAbsolutePath(), e.toString());
            wipe(directory);
            return new EntryIndex(FSDirectory.open(directory), vocabulary);
        }
    }

    private static void wipe(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(directory)) {
                    Files.delete(file);
                }
            }
        }
    }
}
