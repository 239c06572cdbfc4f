package cn.zhice.bot;

import cn.zhice.testsupport.TestApplication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhice.bench.Corpus;
import cn.zhice.bench.EvalQuestion;
import cn.zhice.kb.Entry;
import cn.zhice.kb.store.EntryCodec;
import cn.zhice.testsupport.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bot evaluation of issue 3: the development questions (colloquial, 繁体, typos, fillers) and out-of-scope inputs
 * through {@code /api/chat} of the running app, over the demo knowledge base plus the 1,508 Guangdong service items.
 * Prints top-1 (the answer is a gold entry), top-3 (a gold entry among the first three candidates) and out-of-scope
 * precision and recall (the bot declined: no answer and no 您是想问 list to choose from), and guards them against regression.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BotEvaluationIT {

    private static final String ADMIN_PASSWORD = "bot-eval-admin-secret";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
        TestApplication.useH2(registry);
    }

    @Test
    void answersTheDevelopmentQuestionsAndDeclinesOutOfScopeInputs() {
        Optional<Path> dataset = Corpus.locateDataset(Optional.empty(), Path.of(""));
        assumeTrue(dataset.isPresent(), "../shared/datasets/gd-service-items.jsonl is not here");
        Api admin = Api.at(port).as("admin", ADMIN_PASSWORD);
        importServiceItems(admin, Corpus.load(dataset).gd());

        List<EvalQuestion> questions = new ArrayList<>(EvalQuestion.loadAll());
        questions.addAll(EvalQuestion.load("classpath*:bot-eval/*.jsonl"));
        Score dev = new Score();
        Score heldOut = new Score();
        for (EvalQuestion question : questions) {
            JsonNode reply = Api.at(port).postJson("/api/chat",
                    Map.of("userId", UUID.randomUUID().toString(), "text", question.question())).json();
            (isHeldOut(question) ? heldOut : dev).add(question, reply);
        }
        Score all = dev.plus(heldOut);
        System.out.println("Bot evaluation (development split, used for tuning): " + dev);
        System.out.println("Bot evaluation (held-out split, never looked at while tuning): " + heldOut);
        System.out.println("Bot evaluation (all): " + all);
        // Only the development split's misses are printed: the held-out questions stay unseen.
        dev.misses.forEach(miss -> System.out.println("  miss: " + miss));

        // Floors a little below what this build measures, so a regression fails the build.
        assertThat(all.inScope).isGreaterThanOrEqualTo(150);
        assertThat(all.outOfScope).isGreaterThanOrEqualTo(30);
        assertThat(all.top1()).as("top-1").isGreaterThanOrEqualTo(FLOOR_TOP1);
        assertThat(all.top3()).as("top-3").isGreaterThanOrEqualTo(FLOOR_TOP3);
        assertThat(all.oosPrecision()).as("out-of-scope precision").isGreaterThanOrEqualTo(FLOOR_OOS_PRECISION);
        assertThat(all.oosRecall()).as("out-of-scope recall").isGreaterThanOrEqualTo(FLOOR_OOS_RECALL);
    }

    // Measured 2026-12-04 over all questions: top-1 0.917, top-3 0.971, precision 0.930, recall 1.000 (development
    // split 0.935 / 0.973 / 0.938 / 1.000, held-out split 0.860 / 0.965 / 0.909 / 1.000). Runs vary by a question or
    // two (the entity dictionary is rebuilt in the background after the import).
    private static final double FLOOR_TOP1 = 0.90;
    private static final double FLOOR_TOP3 = 0.95;
    private static final double FLOOR_OOS_PRECISION = 0.90;
    private static final double FLOOR_OOS_RECALL = 0.97;

    /**
     * A fixed quarter of the questions (by a checksum of their text, so the split never changes with file order) is
     * held out: tuning looks only at the rest, and the held-out score shows whether the tuning generalises.
     */
    static boolean isHeldOut(EvalQuestion question) {
        CRC32 checksum = new CRC32();
        checksum.update(question.question().getBytes(StandardCharsets.UTF_8));
        return checksum.getValue() % 4 == 0;
    }

    /** The counts behind top-1, top-3 and out-of-scope precision and recall for one set of questions. */
    private static final class Score {
        int inScope;
        int top1;
        int top3;
        int outOfScope;
        int declinedOutOfScope;
        int declinedInScope;
        final List<String> misses = new ArrayList<>();

        void add(EvalQuestion question, JsonNode reply) {
            JsonNode answer = reply.get("answer");
            boolean offeredChoices = reply.get("reply").asString().startsWith("您是想问");
            boolean declined = answer.isNull() && !offeredChoices;
            String shown = answer.isNull() ? (offeredChoices ? "asked back" : "declined") + " as "
                    + reply.get("intent").asString() : answer.get("title").asString();
            String candidates = reply.get("candidates").valueStream().limit(3)
                    .map(c -> c.get("title").asString() + String.format(" %.1f", c.get("score").asDouble()))
                    .reduce((a, b) -> a + " | " + b).orElse("");
            if (question.gold().isEmpty()) {
                outOfScope++;
                declinedOutOfScope += declined ? 1 : 0;
                if (!declined) {
                    misses.add("[oos] " + question.question() + " → " + shown + " [" + candidates + "]");
                }
                return;
            }
            inScope++;
            declinedInScope += declined ? 1 : 0;
            if (!answer.isNull() && question.gold().contains(answer.get("externalId").asString())) {
                top1++;
                if (Boolean.getBoolean("bot.eval.verbose")) {
                    misses.add("(hit) " + question.question() + " → " + shown + " [" + candidates + "]");
                }
            } else {
                misses.add("[" + question.source() + "] " + question.question() + " → " + shown + " (want "
                        + question.note() + ") [" + candidates + "]");
            }
            List<String> firstThree = new ArrayList<>();
            if (!answer.isNull()) {
                firstThree.add(answer.get("externalId").asString());
            }
            reply.get("candidates").forEach(c -> firstThree.add(c.get("externalId").asString()));
            if (firstThree.stream().distinct().limit(3).anyMatch(question.gold()::contains)) {
                top3++;
            }
        }

        Score plus(Score other) {
            Score sum = new Score();
            sum.inScope = inScope + other.inScope;
            sum.top1 = top1 + other.top1;
            sum.top3 = top3 + other.top3;
            sum.outOfScope = outOfScope + other.outOfScope;
            sum.declinedOutOfScope = declinedOutOfScope + other.declinedOutOfScope;
            sum.declinedInScope = declinedInScope + other.declinedInScope;
            return sum;
        }

        double top1() {
            return top1 / (double) inScope;
        }

        double top3() {
            return top3 / (double) inScope;
        }

        double oosPrecision() {
            int declined = declinedOutOfScope + declinedInScope;
            return declined == 0 ? 0 : declinedOutOfScope / (double) declined;
        }

        double oosRecall() {
            return declinedOutOfScope / (double) outOfScope;
        }

        @Override
        public String toString() {
            return String.format("%d in-scope questions, %d out-of-scope inputs: top-1 %.3f  top-3 %.3f  "
                            + "out-of-scope precision %.3f  recall %.3f", inScope, outOfScope, top1(), top3(),
                    oosPrecision(), oosRecall());
        }
    }

    private static void importServiceItems(Api admin, List<Entry> items) {
        EntryCodec codec = new EntryCodec();
        for (int from = 0; from < items.size(); from += 500) {
            StringBuilder body = new StringBuilder();
            for (Entry entry : items.subList(from, Math.min(items.size(), from + 500))) {
                ObjectNode line = codec.tree(entry);
                line.put("status", "PUBLISHED");
                body.append(codec.mapper().writeValueAsString(line)).append('\n');
            }
            Api.Reply reply = admin.post("/api/admin/kb/import", "application/x-ndjson",
                    body.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }
}
