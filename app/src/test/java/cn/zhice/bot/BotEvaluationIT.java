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
        int inScope = 0;
        int top1 = 0;
        int top3 = 0;
        int declinedOutOfScope = 0;
        int declinedInScope = 0;
        int outOfScope = 0;
        List<String> misses = new ArrayList<>();
        for (EvalQuestion question : questions) {
            JsonNode reply = Api.at(port).postJson("/api/chat",
                    Map.of("userId", UUID.randomUUID().toString(), "text", question.question())).json();
            JsonNode answer = reply.get("answer");
            boolean offeredChoices = reply.get("reply").asString().startsWith("您是想问");
            boolean declined = answer.isNull() && !offeredChoices;
            if (question.gold().isEmpty()) {
                outOfScope++;
                declinedOutOfScope += declined ? 1 : 0;
                if (!declined) {
                    misses.add("[oos] " + question.question() + " → " + reply.get("intent").asString());
                }
                continue;
            }
            inScope++;
            declinedInScope += declined ? 1 : 0;
            if (!answer.isNull() && question.gold().contains(answer.get("externalId").asString())) {
                top1++;
            } else {
                misses.add("[" + question.source() + "] " + question.question() + " → "
                        + (answer.isNull() ? reply.get("intent").asString() : answer.get("title").asString()));
            }
            List<String> firstThree = new ArrayList<>();
            if (!answer.isNull()) {
                firstThree.add(answer.get("externalId").asString());
            }
            reply.get("candidates").forEach(c -> firstThree.add(c.get("externalId").asString()));
            if (firstThree.stream().limit(3).anyMatch(question.gold()::contains)) {
                top3++;
            }
        }
        double top1Rate = top1 / (double) inScope;
        double top3Rate = top3 / (double) inScope;
        int declinedTotal = declinedOutOfScope + declinedInScope;
        double oosPrecision = declinedTotal == 0 ? 0 : declinedOutOfScope / (double) declinedTotal;
        double oosRecall = declinedOutOfScope / (double) outOfScope;
        System.out.printf("Bot evaluation: %d in-scope questions, %d out-of-scope inputs%n", inScope, outOfScope);
        System.out.printf("top-1 %.3f  top-3 %.3f  out-of-scope precision %.3f  recall %.3f%n",
                top1Rate, top3Rate, oosPrecision, oosRecall);
        misses.forEach(miss -> System.out.println("  miss: " + miss));

        // Floors a little below what this build measures, so a regression fails the build.
        assertThat(inScope).isGreaterThanOrEqualTo(150);
        assertThat(outOfScope).isGreaterThanOrEqualTo(30);
        assertThat(top1Rate).as("top-1").isGreaterThanOrEqualTo(FLOOR_TOP1);
        assertThat(top3Rate).as("top-3").isGreaterThanOrEqualTo(FLOOR_TOP3);
        assertThat(oosPrecision).as("out-of-scope precision").isGreaterThanOrEqualTo(FLOOR_OOS_PRECISION);
        assertThat(oosRecall).as("out-of-scope recall").isGreaterThanOrEqualTo(FLOOR_OOS_RECALL);
    }

    // Measured 2026-11-23: top-1 0.818, top-3 0.930, precision 0.809, recall 0.950. Issue 3's targets (0.90, 0.97,
    // 0.90, 0.90) are not reached yet; raise these floors as the bot improves.
    private static final double FLOOR_TOP1 = 0.80;
    private static final double FLOOR_TOP3 = 0.91;
    private static final double FLOOR_OOS_PRECISION = 0.78;
    private static final double FLOOR_OOS_RECALL = 0.92;

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
