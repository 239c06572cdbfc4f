package cn.zhice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One development question: what a resident asks, the entries that answer it (any of them counts as a hit), and
 * where the entries come from ({@code demo} or {@code gd}).
 *
 * @param file the question file, for reports
 */
public record EvalQuestion(String question, List<String> gold, String source, String note, String file) {

    static final String LOCATION = "classpath*:eval/*.jsonl";

    public EvalQuestion {
        gold = List.copyOf(gold);
    }

    /** Every question of every {@code eval/*.jsonl} file on the classpath, files in name order. */
    public static List<EvalQuestion> loadAll() {
        return load(LOCATION);
    }

    /** Every question of the JSON Lines files matching a classpath pattern, files in name order. */
    public static List<EvalQuestion> load(String location) {
        JsonMapper json = JsonMapper.builder().build();
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String text;
                try (InputStream in = file.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        questions.add(of(json.readTree(line), file.getFilename()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
        return questions;
    }

    private static EvalQuestion of(JsonNode line, String file) {
        List<String> gold = new ArrayList<>();
        line.path("gold").values().forEach(id -> gold.add(id.asString()));
        return new EvalQuestion(
                line.path("question").asString(),
                gold,
                line.path("source").asString("demo"),
                line.path("note").asString(null),
                file);
    }
}
