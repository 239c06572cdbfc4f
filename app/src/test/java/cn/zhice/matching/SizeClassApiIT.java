package cn.zhice.matching;

import cn.zhice.testsupport.TestApplication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/matching/size-class} through the running application: security, JSON contract, ProblemDetail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SizeClassApiIT {

    static final String ADMIN_PASSWORD = "bootstrap-admin-secret";
    static final String STAFF_PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;

    Api anonymous;
    Api editor;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
        TestApplication.useH2(registry);
    }

    @BeforeAll
    void staff() {
        anonymous = Api.at(port);
        Api admin = anonymous.as("admin", ADMIN_PASSWORD);
        Reply created = admin.postJson("/api/admin/users",
                Map.of("username", "matcher1", "password", STAFF_PASSWORD, "roles", List.of("EDITOR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        editor = anonymous.as("matcher1", STAFF_PASSWORD);
    }

    @Test
    void classifiesWithTheIssueContract() {
        Reply reply = editor.postJson("/api/matching/size-class",
                "{\"industryCode\": \"C13\", \"employees\": 120, \"revenueWan\": 3000.5, \"assetsWan\": 800}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("size", "industryGroup", "standard", "explanation");
        assertThat(body.get("size").asString()).isEqualTo("SMALL");
        assertThat(body.get("industryGroup").asString()).isEqualTo("工业");
        assertThat(body.get("standard").asString()).isEqualTo("工信部联企业〔2011〕300号");
        assertThat(body.get("explanation").asString()).contains("结论：小型企业");
    }

    @Test
    void answersMissingIndicatorAsProblemDetailNamingIt() {
        Reply reply = editor.postJson("/api/matching/size-class", "{\"industryCode\": \"E\", \"revenueWan\": 3000}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).contains("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("资产总额（assetsWan）");
        assertThat(reply.json().get("missing").get(0).asString()).isEqualTo("assetsWan");
    }

    @Test
    void answersUnknownIndustryCodeAsProblemDetail() {
        Reply reply = editor.postJson("/api/matching/size-class", "{\"industryCode\": \"Z9\", \"employees\": 3}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("industryCode").asString()).isEqualTo("Z9");
    }

    @Test
    void isForStaffOnly() {
        assertThat(anonymous.postJson("/api/matching/size-class", "{\"industryCode\": \"C13\", \"employees\": 1}").status())
                .isEqualTo(401);
    }
}
