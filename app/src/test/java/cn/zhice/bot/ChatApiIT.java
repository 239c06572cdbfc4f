package cn.zhice.bot;

import cn.zhice.testsupport.TestApplication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The {@code /api/chat} contract on the demo knowledge base: the same pipeline and session as WeChat. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatApiIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, "chat-admin-secret", true);
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

    private Reply chat(String user, String text) {
        Reply reply = Api.at(port).postJson("/api/chat", Map.of("userId", user, "text", text));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
