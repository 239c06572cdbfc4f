package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The campaign wizard over real HTTP: the preview is computed without creating anything, bad input (no channel, a
 * past schedule, a policy that is not published) comes back as a Chinese message in the form with nothing created,
 * and a submitted campaign waits for approval with a readable audit record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignWizardIT {

    static final String ADMIN_PW = "wizard-admin-secret";
    static final String PW = "staff-password-123";
    static final String FACTORY = "{\"uscc\":\"91350100M000100Y43\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
            + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2019-05-10\","
            + "\"contacts\":{\"mobile\":\"13800138000\"},\"consent\":{\"sms\":true,\"email\":false,\"wechat\":false}}\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, false);
        TestApplication.useH2(registry);
    }

    ConsoleClient editor;

    @BeforeEach
    void policyAndEnterprise() throws Exception {
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        admin.postJson("/api/admin/users", Map.of("username", "wizeditor", "password", PW, "roles", List.of("EDITOR")));
        admin.postJson("/api/admin/users", Map.of("username", "wizreviewer", "password", PW, "roles", List.of("REVIEWER")));
        Api api = Api.at(port).as("wizeditor", PW);
        if (api.get("/api/admin/kb/entries/QH-POL-WIZ").status() == 404) {
            for (String id : List.of("QH-POL-WIZ", "QH-POL-DRAFT")) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("externalId", id);
                entry.put("kind", "POLICY");
                entry.put("title", "QH-POL-WIZ".equals(id) ? "青禾区企业稳岗补贴" : "尚未发布的补贴");
                entry.put("category", "人才");
                entry.put("summary", "对在青禾区注册的企业给予稳岗补贴。");
                entry.put("eligibility", Map.of("all", List.of(Map.of("field", "region", "op", "eq", "value", "滨江市青禾区",
                        "hard", true, "note", "注册在青禾区"))));
                assertThat(api.postJson("/api/admin/kb/entries", entry).status()).isEqualTo(201);
            }
            api.postJson("/api/admin/kb/entries/QH-POL-WIZ/submit", Map.of());
            assertThat(Api.at(port).as("wizreviewer", PW).postJson("/api/admin/kb/entries/QH-POL-WIZ/publish", Map.of())
                    .status()).isEqualTo(200);
            assertThat(api.post("/api/admin/enterprises/import", "application/x-ndjson",
                    FACTORY.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(200);
        }
        editor = ConsoleClient.signedIn(port, "wizeditor", PW);
    }

    private long campaigns() {
        return jdbc.sql("select count(*) from push_campaign").query(Long.class).single();
    }

    private static Map<String, String> form(String policy, String first, String second, String scheduledAt) {
        Map<String, String> form = new HashMap<>();
        form.put("policy", policy);
        form.put("first", first);
        form.put("second", second);
        form.put("third", "");
        form.put("scheduledAt", scheduledAt);
        return form;
    }

    @Test
    void searchesOnlyPublishedPoliciesWithEligibilityRules() throws Exception {
        String found = editor.get("/admin/campaigns/new?q=补贴").body();

        assertThat(found).contains("青禾区企业稳岗补贴").contains("data-policy=\"QH-POL-WIZ\"").doesNotContain("尚未发布的补贴");
        assertThat(editor.get("/admin/campaigns/new?q=没有这种政策").body()).contains("没有找到可推送的政策");
        assertThat(editor.get("/admin/campaigns/new?policy=QH-POL-WIZ").body()).contains("② 渠道与时间").contains("青禾区企业稳岗补贴");
    }

    @Test
    void previewsTargetsAndMessagesWithoutCreatingTheCampaign() throws Exception {
        long before = campaigns();

        HttpResponse<String> preview = editor.post("/admin/campaigns/preview", "/admin/campaigns/new",
                form("QH-POL-WIZ", "SMS", "EMAIL", ""));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview-targeted\">1<").contains("青禾精密制造有限公司")
                .contains("138******00").doesNotContain("13800138000").contains("注册在青禾区").contains("拒收请回复R")
                .contains("政策通知：").contains("④ 提交审批");
        assertThat(campaigns()).isEqualTo(before);
    }

    @Test
    void showsBadWizardInputAsChineseMessagesAndCreatesNothing() throws Exception {
        long before = campaigns();
        String past = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).withSecond(0).withNano(0).toString();

        String noChannel = editor.post("/admin/campaigns", "/admin/campaigns/new", form("QH-POL-WIZ", "", "", "")).body();
        String pastSchedule = editor.post("/admin/campaigns", "/admin/campaigns/new", form("QH-POL-WIZ", "SMS", "", past)).body();
        String unpublished = editor.post("/admin/campaigns/preview", "/admin/campaigns/new", form("QH-POL-DRAFT", "SMS", "", "")).body();
        String noPolicy = editor.post("/admin/campaigns/preview", "/admin/campaigns/new", form("", "SMS", "", "")).body();

        assertThat(noChannel).contains("请至少选择一个推送渠道").contains("② 渠道与时间");
        assertThat(pastSchedule).contains("计划发送时间不能早于当前时间");
        assertThat(unpublished).contains("政策 QH-POL-DRAFT 未发布、已失效或没有申报条件规则，不能推送");
        assertThat(noPolicy).contains("请先选择要推送的政策");
        assertThat(campaigns()).isEqualTo(before);
    }

    @Test
    void submitsACampaignForApprovalWithFallbacksInOrderAndAuditsIt() throws Exception {
        String later = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).withHour(10).withMinute(0).withSecond(0)
                .withNano(0).toString();

        HttpResponse<String> created = editor.post("/admin/campaigns", "/admin/campaigns/new",
                form("QH-POL-WIZ", "EMAIL", "SMS", later));
        String location = created.headers().firstValue("Location").orElseThrow();
        String detail = editor.get(location.substring(location.indexOf("/admin/"))).body();
        String log = ConsoleClient.signedIn(port, "admin", ADMIN_PW).get("/admin/audit?actor=wizeditor").body();

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(detail).contains("推送任务已提交，等待审核人批准").contains("待审批").contains("邮件 → 短信")
                .contains(later.substring(0, 10) + " 10:00");
        assertThat(log).contains("新建推送任务 #").contains("政策 QH-POL-WIZ「青禾区企业稳岗补贴」，渠道 邮件→短信");
    }
}
