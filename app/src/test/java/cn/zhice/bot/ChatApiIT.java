package cn.zhice.bot;

import cn.zhice.testsupport.TestApplication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.app.console.ConsoleClient;
import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /api/chat} contract on the demo knowledge base: the same pipeline and session as WeChat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApiIT {

    private static final String ADMIN_PASSWORD = "chat-admin-secret";

    @LocalServerPort
    int port;

    @Autowired
    RecordingCodes codes;

    @Autowired
    ConversationLog conversations;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
        TestApplication.useH2(registry);
    }

    @Test
    void answersFromTheKnowledgeBaseAndFollowsUpOnTheSameEntry() {
        String user = UUID.randomUUID().toString();

        JsonNode first = chat(user, "营业执照怎么申请？").json();
        JsonNode followUp = chat(user, "要带什么材料？").json();

        assertThat(first.propertyNames()).contains("intent", "reply", "answer", "candidates");
        assertThat(first.get("intent").asString()).isEqualTo("how_to_apply");
        assertThat(first.get("answer").get("externalId").asString()).isEqualTo("QH-SG-001");
        assertThat(first.get("reply").asString()).contains("来源：").contains("还想了解");
        assertThat(first.get("candidates").get(0).propertyNames()).containsExactlyInAnyOrder("externalId", "title", "score");
        assertThat(followUp.get("intent").asString()).isEqualTo("materials");
        assertThat(followUp.get("answer").get("externalId").asString()).isEqualTo("QH-SG-001");
        assertThat(followUp.get("reply").asString()).contains("材料");
    }

    @Test
    void understandsTraditionalCharactersAndFillers() {
        JsonNode reply = chat(UUID.randomUUID().toString(), "你好請問，營業執照怎麼辦理").json();

        assertThat(reply.get("answer").get("externalId").asString()).isEqualTo("QH-SG-001");
    }

    @Test
    void answersOutOfScopeWithWhatTheBotCanDoAndNoPolicy() {
        JsonNode reply = chat(UUID.randomUUID().toString(), "给我讲个笑话").json();

        assertThat(reply.get("intent").asString()).isEqualTo("out_of_scope");
        assertThat(reply.get("answer").isNull()).isTrue();
        assertThat(reply.get("reply").asString()).contains("我可以帮您");
    }

    @Test
    void leavesATicketWhenAskedForAPerson() {
        JsonNode reply = chat(UUID.randomUUID().toString(), "转人工").json();

        assertThat(reply.get("intent").asString()).isEqualTo("human_agent");
        assertThat(reply.get("reply").asString()).contains("工单号");
    }

    @Test
    void rejectsEmptyOrOverlongMessagesAsProblemDetail() {
        Api api = Api.at(port);
        Reply empty = api.postJson("/api/chat", Map.of("userId", "u1", "text", " "));
        Reply overlong = api.postJson("/api/chat", Map.of("userId", "u1", "text", "长".repeat(501)));
        Reply noUser = api.postJson("/api/chat", Map.of("text", "社保"));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).contains("application/problem+json");
        assertThat(empty.json().get("errors").toString()).contains("text");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(noUser.status()).isEqualTo(400);
    }

    @Test
    void bindsAnEnterpriseWithTheSmsCodeAndListsItsPolicies() {
        String factory = "{\"uscc\":\"91350100M000100Y43\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
                + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\","
                + "\"registeredOn\":\"2019-05-10\",\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\","
                + "\"validTo\":\"2099-12-31\"}],\"contacts\":{\"mobile\":\"13800138000\"}}\n";
        Reply imported = Api.at(port).as("admin", ADMIN_PASSWORD).post("/api/admin/enterprises/import",
                "application/x-ndjson", factory.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String user = UUID.randomUUID().toString();

        assertThat(chat(user, "我能申请哪些政策").json().get("reply").asString()).contains("绑定企业");
        assertThat(chat(user, "绑定企业").json().get("reply").asString()).contains("统一社会信用代码");
        assertThat(chat(user, "91350100M000100Y44").json().get("reply").asString()).contains("校验码");
        JsonNode sent = chat(user, "91350100M000100Y43").json();
        assertThat(sent.get("reply").asString()).contains("138******00");
        assertThat(codes.sent).hasSize(1);
        JsonNode bound = chat(user, codes.sent.get(0)).json();
        JsonNode policies = chat(user, "我能申请哪些政策").json();

        assertThat(bound.get("reply").asString()).contains("已绑定企业");
        assertThat(policies.get("reply").asString()).contains("青禾精密制造有限公司", "1. ").containsAnyOf("符合条件", "可能符合");
    }

    @Test
    void detailsShowsTheRestOfALongAnswer() {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            steps.append(i == 1 ? "" : ",").append("\"第").append(i).append("步：向竣工联合验收窗口提交第").append(i)
                    .append("份验收报告及其附件，并等待审核意见\"");
        }
        String guide = "{\"externalId\":\"QH-SG-LONG\",\"kind\":\"SERVICE_GUIDE\",\"title\":\"建设工程竣工联合验收\","
                + "\"status\":\"PUBLISHED\",\"department\":\"青禾区住房和城乡建设局\",\"how\":{\"steps\":[" + steps + "]}}\n";
        Reply imported = Api.at(port).as("admin", ADMIN_PASSWORD).post("/api/admin/kb/import", "application/x-ndjson",
                guide.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String user = UUID.randomUUID().toString();

        JsonNode first = chat(user, "建设工程竣工联合验收怎么办理").json();
        JsonNode second = chat(user, "详情").json();

        assertThat(first.get("answer").get("externalId").asString()).isEqualTo("QH-SG-LONG");
        assertThat(first.get("reply").asString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(first.get("reply").asString()).endsWith("回复「详情」查看更多").doesNotContain("第40步");
        assertThat(second.get("answer").get("externalId").asString()).isEqualTo("QH-SG-LONG");
        assertThat(second.get("reply").asString()).doesNotContain("第1步：").contains("步：向竣工联合验收窗口");
    }

    @Test
    void morePagesThroughTheCandidatesOfAClarifyingQuestion() {
        String user = UUID.randomUUID().toString();

        JsonNode asked = chat(user, "补贴").json();
        JsonNode more = chat(user, "更多").json();

        assertThat(asked.get("reply").asString()).startsWith("您是想问：").contains("1. ", "2. ", "3. ");
        assertThat(more.get("reply").asString()).startsWith("还有这些：").contains("1. ");
        String firstPage = asked.get("reply").asString();
        more.get("reply").asString().lines().filter(line -> line.matches("\\d\\. .*"))
                .forEach(line -> assertThat(firstPage).doesNotContain(line.substring(3)));
    }

    @Test
    void dissatisfiedAfterAnAnswerFlagsThatQuestionAndCountsOnTheDashboard() throws Exception {
        String user = UUID.randomUUID().toString();
        String question = "营业执照怎么申请？";

        JsonNode answered = chat(user, question).json();
        JsonNode rated = chat(user, "不满意。").json();
        JsonNode again = chat(user, "不满意").json();

        assertThat(answered.get("answer").get("externalId").asString()).isEqualTo("QH-SG-001");
        assertThat(answered.get("reply").asString()).endsWith("满意请回复1，不满意请回复2");
        assertThat(rated.propertyNames()).containsExactlyInAnyOrder("intent", "reply", "answer", "candidates");
        assertThat(rated.get("intent").asString()).isEqualTo("feedback");
        assertThat(rated.get("answer").isNull()).isTrue();
        assertThat(rated.get("reply").asString()).contains("抱歉", "「人工」");
        assertThat(again.get("reply").asString()).isEqualTo(rated.get("reply").asString());
        assertThat(conversations.flagged(OffsetDateTime.now().minusHours(1), 100))
                .filteredOn(turn -> turn.text().equals(question))
                .singleElement()
                .satisfies(turn -> assertThat(turn.flag()).isEqualTo(ConversationLog.Flag.DISSATISFIED));
        assertThat(conversations.flagged(OffsetDateTime.now().minusHours(1), 100))
                .extracting(ConversationLog.FlaggedTurn::text).doesNotContain("不满意", "不满意。");
        ConsoleClient staff = ConsoleClient.signedIn(port, "admin", ADMIN_PASSWORD);
        HttpResponse<String> data = staff.get("/admin/dashboard/data");
        assertThat(data.statusCode()).as(data.body()).isEqualTo(200);
        JsonNode days = JsonMapper.builder().build().readTree(data.body()).get("days");
        JsonNode today = days.get(days.size() - 1);
        assertThat(today.get("ratedDissatisfied").asLong()).isEqualTo(1);
        assertThat(today.get("ratedSatisfied").asLong()).isZero();
        assertThat(today.get("satisfaction").asDouble()).isZero();
        String csv = new String(staff.getBytes("/admin/dashboard/export.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("满意度（用户评价）").contains(",0,1,0.0\n");
    }

    /** Reads the SMS the bot would send. */
    @TestConfiguration
    static class Codes {
        @Bean
        @org.springframework.context.annotation.Primary
        RecordingCodes codes() {
            return new RecordingCodes();
        }
    }

    /** The codes "sent" by SMS, newest last. */
    static final class RecordingCodes implements VerificationCodeSender {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(String mobile, String code, String enterpriseName, Duration validFor) {
            sent.add(code);
        }
    }

    private Reply chat(String user, String text) {
        Reply reply = Api.at(port).postJson("/api/chat", Map.of("userId", user, "text", text));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
