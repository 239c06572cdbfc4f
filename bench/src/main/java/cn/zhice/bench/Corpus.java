package cn.zhice.bench;

import cn.zhice.kb.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the evaluation and the benchmarks index: the demo entries and, when the dataset is present, the Guangdong
 * service items.
 *
 * @param dataset where the service items came from, or empty when the dataset was not found
 */
public record Corpus(List<Entry> demo, List<Entry> gd, Optional<Path> dataset) {

    static final String DATASET = "gd-service-items.jsonl";

    public Corpus {
        demo = List.copyOf(demo);
        gd = List.copyOf(gd);
    }

    /** The demo entries plus the service items from {@code dataset} when it exists. */
    public static Corpus load(Optional<Path> dataset) {
        List<Entry> gd = dataset.map(path -> {
            try {
                return GdServiceItems.read(path);
            } catch (IOException e) {
                throw new UncheckedIOException(path.toString(), e);
            }
        }).orElse(List.of());
        return new Corpus(DemoEntries.load(), gd, dataset);
    }

    /**
     * The dataset file: {@code given} when there is one, otherwise {@code ../shared/datasets/} from the working
     * directory (the project root), otherwise {@code shared/datasets/} in the parent of the project root (for runs
     * from a module directory). Empty when none of these exists.
     */
    public static Optional<Path> locateDataset(Optional<String> given, Path workingDirectory) {
        if (given.isPresent()) {
            Path path = workingDirectory.resolve(given.get()).normalize();
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        candidates.add(cwd.resolve("../shared/datasets").resolve(DATASET));
        projectRoot(cwd).map(Path::getParent)
                .ifPresent(parent -> candidates.add(parent.resolve("shared/datasets").resolve(DATASET)));
        return candidates.stream().map(Path::normalize).filter(Files::isRegularFile).findFirst();
    }

    /** The nearest directory, from {@code start} upwards, that holds the bench module. */
    static Optional<Path> projectRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public List<Entry> all() {
        return Stream.concat(demo.stream(), gd.stream()).toList();
    }
}
