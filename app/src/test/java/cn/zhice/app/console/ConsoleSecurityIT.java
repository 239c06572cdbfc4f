package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 * The console's access rules over real HTTP: anonymous visitors are sent to the login page, each role sees only its
 * pages, reviewers cannot publish their own submission, output is escaped, lockout after five failures, and the
 * audit log records changes and offers no way to alter them. A refusal given before the request's body was read
 * leaves the connection usable for the client's next request, or says it closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSecurityIT {

    static final String ADMIN_PW = "console-admin-secret";
    static final String PW = "staff-password-123";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, false);
        TestApplication.useH2(registry);
    }

    @BeforeEach
    void staff() {
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        for (String[] user : new String[][] {{"editor1", "EDITOR"}, {"editor2", "EDITOR"}, {"reviewer1", "REVIEWER"},
                {"reviewer2", "REVIEWER"}}) {
            admin.postJson("/api/admin/users", Map.of("username", user[0], "password", PW, "roles", List.of(user[1])));
        }
    }

    @Test
    void sendsAnonymousVisitorsOfEveryPageToTheLoginPage() throws Exception {
        ConsoleClient anonymous = new ConsoleClient(port);
        for (String page : List.of("/admin", "/admin/dashboard", "/admin/kb", "/admin/kb/new", "/admin/kb/vocabulary",
                "/admin/kb/import", "/admin/unanswered", "/admin/tickets", "/admin/enterprises", "/admin/chat",
                "/admin/users", "/admin/audit", "/admin/account/password", "/admin/dashboard/export.csv",
                "/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/approvals", "/admin/campaigns/dead-letters",
                "/admin/campaigns/1", "/admin/campaigns/1/progress", "/admin/campaigns/1/preview")) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
        assertThat(anonymous.get("/login").body()).contains("知策").contains("登录");
    }

    /** Publishes a policy with an eligibility rule through the API (editor drafts, reviewer2 publishes). */
    private void publishPolicy(String id, String title) {
        Api editor = Api.at(port).as("editor1", PW);
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("externalId", id);
        entry.put("kind", "POLICY");
        entry.put("title", title);
        entry.put("category", "人才");
        entry.put("summary", "对在青禾区注册的企业给予补贴。");
        entry.put("department", "青禾区人力资源和社会保障局");
        entry.put("eligibility", Map.of("all", List.of(Map.of("field", "region", "op", "eq", "value", "滨江市青禾区",
                "hard", true, "note", "注册在青禾区"))));
        assertThat(editor.postJson("/api/admin/kb/entries", entry).status()).isEqualTo(201);
        assertThat(editor.postJson("/api/admin/kb/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        assertThat(Api.at(port).as("reviewer2", PW).postJson("/api/admin/kb/entries/" + id + "/publish", Map.of()).status())
                .isEqualTo(200);
    }

    private static long campaignId(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static Map<String, String> wizard(String policy, String... channels) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("policy", policy));
        String[] names = {"first", "second", "third"};
        for (int i = 0; i < channels.length; i++) {
            form.put(names[i], channels[i]);
        }
        return form;
    }

    @Test
    void letsEditorsPrepareCampaignsAndOnlyReviewersApproveThemOrRetryDeadLetters() throws Exception {
        publishPolicy("QH-POL-SEC-1", "安全测试人才补贴");
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);
        HttpResponse<String> created = editor.post("/admin/campaigns", "/admin/campaigns/new",
                wizard("QH-POL-SEC-1", "SMS", "EMAIL"));
        long id = campaignId(created);

        for (String page : List.of("/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/new?q=人才",
                "/admin/campaigns/dead-letters", "/admin/campaigns/" + id, "/admin/campaigns/" + id + "/progress",
                "/admin/campaigns/" + id + "/preview")) {
            assertThat(editor.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(editor.get("/admin/campaigns/approvals").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/admin/campaigns/approvals").statusCode()).isEqualTo(200);
        assertThat(editor.post("/admin/campaigns/" + id + "/approve", "/admin/campaigns", Map.of()).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/campaigns/dead-letters/1/retry", "/admin/campaigns", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(editor.get("/admin/campaigns/" + id).body()).doesNotContain("id=\"approve\"");

        Api anonymousApi = Api.at(port);
        Api editorApi = Api.at(port).as("editor1", PW);
        for (String path : List.of("/api/admin/campaigns", "/api/admin/campaigns/" + id, "/api/admin/campaigns/" + id + "/preview",
                "/api/admin/campaigns/dead-letters")) {
            assertThat(anonymousApi.get(path).status()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/admin/campaigns", "/api/admin/campaigns/" + id + "/approve",
                "/api/admin/campaigns/" + id + "/cancel", "/api/admin/campaigns/dead-letters/1/retry")) {
            assertThat(anonymousApi.postJson(path, "{}").status()).as(path).isEqualTo(401);
        }
        assertThat(editorApi.postJson("/api/admin/campaigns/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(editorApi.postJson("/api/admin/campaigns/dead-letters/1/retry", "{}").status()).isEqualTo(403);
        assertThat(Api.at(port).as("reviewer1", PW).postJson("/api/admin/campaigns/dead-letters/1/retry", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void letsOnlyTheCreatorOrAReviewerCancelACampaign() throws Exception {
        publishPolicy("QH-POL-SEC-2", "取消测试人才补贴");
        ConsoleClient creator = ConsoleClient.signedIn(port, "editor2", PW);
        ConsoleClient colleague = ConsoleClient.signedIn(port, "editor1", PW);
        long own = campaignId(creator.post("/admin/campaigns", "/admin/campaigns/new", wizard("QH-POL-SEC-2", "SMS")));
        long viaApi = campaignId(creator.post("/admin/campaigns", "/admin/campaigns/new", wizard("QH-POL-SEC-2", "EMAIL")));
        long forReviewer = campaignId(creator.post("/admin/campaigns", "/admin/campaigns/new", wizard("QH-POL-SEC-2", "WECHAT")));

        HttpResponse<String> byColleague = colleague.post("/admin/campaigns/" + own + "/cancel", "/admin/campaigns", Map.of());
        int byColleagueApi = Api.at(port).as("editor1", PW).postJson("/api/admin/campaigns/" + own + "/cancel", "{}").status();
        String stillPending = creator.get("/admin/campaigns/" + own).body();
        HttpResponse<String> byCreator = creator.post("/admin/campaigns/" + own + "/cancel", "/admin/campaigns", Map.of());
        int byCreatorApi = Api.at(port).as("editor2", PW).postJson("/api/admin/campaigns/" + viaApi + "/cancel", "{}").status();
        int byReviewerApi = Api.at(port).as("reviewer1", PW).postJson("/api/admin/campaigns/" + forReviewer + "/cancel", "{}")
                .status();

        assertThat(byColleague.statusCode()).isEqualTo(403);
        assertThat(byColleagueApi).isEqualTo(403);
        assertThat(stillPending).contains("待审批");
        assertThat(byCreator.statusCode()).isEqualTo(302);
        assertThat(creator.get("/admin/campaigns/" + own).body()).contains("推送任务已取消").contains("已取消");
        assertThat(byCreatorApi).isEqualTo(200);
        assertThat(byReviewerApi).isEqualTo(200);
        assertThat(Api.at(port).as("editor1", PW).postJson("/api/admin/campaigns/999999/cancel", "{}").status()).isEqualTo(404);
    }

    @Test
    void refusesAReviewerApprovingTheirOwnCampaignInTheConsoleAndLetsAnotherReviewerApproveIt() throws Exception {
        publishPolicy("QH-POL-SEC-3", "四眼测试人才补贴");
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);
        long id = campaignId(reviewer.post("/admin/campaigns", "/admin/campaigns/new", wizard("QH-POL-SEC-3", "SMS")));

        String queue = reviewer.get("/admin/campaigns/approvals").body();
        HttpResponse<String> own = reviewer.post("/admin/campaigns/" + id + "/approve", "/admin/campaigns", Map.of());
        String afterOwn = reviewer.get("/admin/campaigns/" + id).body();
        ConsoleClient other = ConsoleClient.signedIn(port, "reviewer2", PW);
        String otherQueue = other.get("/admin/campaigns/approvals").body();
        other.post("/admin/campaigns/" + id + "/approve", "/admin/campaigns", Map.of("back", "approvals"));
        String afterOther = other.get("/admin/campaigns/approvals").body();

        assertThat(queue).contains("approval-" + id).contains("这是您创建的任务");
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(afterOwn).contains("不能批准自己创建的推送任务").contains("待审批");
        assertThat(otherQueue).contains("approval-" + id).doesNotContain("这是您创建的任务");
        assertThat(afterOther).contains("已批准").doesNotContain("approval-" + id);
        assertThat(Api.at(port).as("reviewer2", PW).get("/api/admin/campaigns/" + id).json().get("approvedBy").asString())
                .isEqualTo("reviewer2");
        String log = ConsoleClient.signedIn(port, "admin", ADMIN_PW).get("/admin/audit?actor=reviewer2").body();
        assertThat(log).contains("批准推送任务 #" + id + "：政策 QH-POL-SEC-3「四眼测试人才补贴」，渠道 短信");
    }

    @Test
    void rendersMarkupInAPolicyTitleAsTextOnTheCampaignPages() throws Exception {
        publishPolicy("QH-POL-XSS", "<script>alert('x')</script>补贴");
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        HttpResponse<String> preview = editor.post("/admin/campaigns/preview", "/admin/campaigns/new", wizard("QH-POL-XSS", "SMS"));
        long id = campaignId(editor.post("/admin/campaigns", "/admin/campaigns/new", wizard("QH-POL-XSS", "SMS")));
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);

        for (String body : List.of(editor.get("/admin/campaigns/new?q=XSS").body(), editor.get("/admin/campaigns/new?policy=QH-POL-XSS").body(),
                preview.body(), editor.get("/admin/campaigns").body(), editor.get("/admin/campaigns/" + id).body(),
                reviewer.get("/admin/campaigns/approvals").body(), reviewer.get("/admin/campaigns/" + id + "/preview").body())) {
            assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;补贴").doesNotContain("<script>alert");
        }
    }

    @Test
    void refusesFormPostsWithoutACsrfToken() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        HttpResponse<String> response = editor.postRaw("/admin/kb/terms", "term=无令牌");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void letsEachRoleSeeOnlyItsPages() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PW);

        for (String page : List.of("/admin/dashboard", "/admin/kb", "/admin/unanswered", "/admin/tickets",
                "/admin/enterprises", "/admin/chat")) {
            assertThat(editor.get(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(editor.post("/admin/kb/entries/QH-X/publish", "/admin/kb", Map.of()).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/users", "/admin/kb",
                Map.of("username", "sneaky", "password", PW, "roles", "ADMIN")).statusCode()).isEqualTo(403);
        assertThat(Api.at(port).as("editor1", PW).get("/api/admin/users").status()).isEqualTo(403);
        assertThat(Api.at(port).get("/api/admin/kb/entries").status()).isEqualTo(401);
    }

    @Test
    void reviewerCannotPublishTheirOwnSubmissionButAnotherReviewerCan() throws Exception {
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);
        reviewer.post("/admin/kb/entries", "/admin/kb/new", Map.of("externalId", "QH-FAQ-T01", "kind", "FAQ",
                "category", "其他", "title", "测试条目怎么办理", "answer", "到政务服务中心办理。"));
        reviewer.post("/admin/kb/entries/QH-FAQ-T01/submit", "/admin/kb/entries/QH-FAQ-T01", Map.of());

        HttpResponse<String> own = reviewer.post("/admin/kb/entries/QH-FAQ-T01/publish",
                "/admin/kb/entries/QH-FAQ-T01", Map.of("comment", "自己发布"));
        String afterOwn = reviewer.get("/admin/kb/entries/QH-FAQ-T01").body();
        ConsoleClient other = ConsoleClient.signedIn(port, "reviewer2", PW);
        other.post("/admin/kb/entries/QH-FAQ-T01/publish", "/admin/kb/entries/QH-FAQ-T01", Map.of("comment", "同意"));

        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(afterOwn).contains("不能审核自己提交的内容").contains("待审核");
        assertThat(other.get("/admin/kb/entries/QH-FAQ-T01").body()).contains("已发布");
    }

    @Test
    void showsAMissingEntryAsAConsolePage() throws Exception {
        HttpResponse<String> missing = ConsoleClient.signedIn(port, "editor1", PW).get("/admin/kb/entries/QH-NONE-1");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到该内容").contains("QH-NONE-1");
    }

    @Test
    void rendersMarkupInATitleAsText() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        editor.post("/admin/kb/entries", "/admin/kb/new", Map.of("externalId", "QH-FAQ-XSS", "kind", "FAQ",
                "category", "其他", "title", "<script>alert('x')</script>标题", "answer", "答案"));

        String list = editor.get("/admin/kb?q=XSS").body();
        String page = editor.get("/admin/kb/entries/QH-FAQ-XSS").body();

        assertThat(list).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;标题").doesNotContain("<script>alert");
        assertThat(page).doesNotContain("<script>alert");
    }

    @Test
    void locksAnAccountAfterFiveFailedSignInsAndAnAdministratorCanUnlockIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            new ConsoleClient(port).login(port, "editor1", "wrong-password-" + i);
        }
        ConsoleClient locked = new ConsoleClient(port);
        HttpResponse<String> withRightPassword = locked.login(port, "editor1", PW);
        int apiWhileLocked = Api.at(port).as("editor1", PW).get("/api/admin/kb/entries").status();
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PW);
        admin.post("/admin/users/editor1/unlock", "/admin/users", Map.of());

        assertThat(withRightPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
        assertThat(apiWhileLocked).isEqualTo(401);
        assertThat(ConsoleClient.signedIn(port, "editor1", PW).get("/admin/kb").statusCode()).isEqualTo(200);
    }

    @Test
    void recordsChangesInTheAuditLogWhichNoEndpointCanAlter() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        editor.post("/admin/kb/terms", "/admin/kb/vocabulary", Map.of("term", "审计测试词"));
        Api.at(port).as("editor1", PW).postJson("/api/admin/kb/terms", Map.of("term", "接口审计词"));
        ConsoleClient admin = ConsoleClient.signedIn(port, "admin", ADMIN_PW);
        String log = admin.get("/admin/audit?actor=editor1").body();
        long before = jdbc.sql("select count(*) from audit_log").query(Long.class).single();

        assertThat(log).contains("新增词典词条：审计测试词").contains("POST /api/admin/kb/terms");
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            assertThat(admin.send(method, "/admin/audit").statusCode()).as(method).isIn(403, 405);
            assertThat(Api.at(port).as("admin", ADMIN_PW).delete("/api/admin/audit").status()).isIn(404, 405);
        }
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theDatabaseRejectsRewritingTheAuditLog() {
        jdbc.sql("insert into audit_log (actor, action, created_at) values ('x', 'TEST', current_timestamp)").update();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'y'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'x'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void answersEveryAdminApiEndpointWith401AnonymouslyAnd403ForTooLowARole() {
        Api anonymous = Api.at(port);
        Api editor = Api.at(port).as("editor1", PW);
        Api reviewer = Api.at(port).as("reviewer1", PW);
        for (String path : List.of("/api/admin/kb/entries", "/api/admin/kb/entries/QH-X", "/api/admin/kb/entries/QH-X/versions",
                "/api/admin/kb/export", "/api/admin/kb/synonyms", "/api/admin/kb/terms", "/api/admin/users",
                "/api/admin/enterprises/91350100M000100Y43", "/api/matching/enterprises/91350100M000100Y43/policies")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/admin/kb/entries/QH-X/publish", "/api/admin/kb/entries/QH-X/reject",
                "/api/admin/kb/entries/QH-X/archive")) {
            assertThat(anonymous.postJson(path, "{}").status()).as(path).isEqualTo(401);
            assertThat(editor.postJson(path, "{}").status()).as(path).isEqualTo(403);
        }
        assertThat(editor.delete("/api/admin/kb/entries/QH-X").status()).isEqualTo(403);
        assertThat(editor.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(reviewer.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(reviewer.postJson("/api/admin/users", Map.of("username", "x1y2z3", "password", PW, "roles", List.of("ADMIN")))
                .status()).isEqualTo(403);
    }

    @Test
    void keepsTheConnectionForTheNextRequestAfterRefusingOneWhoseBodyArrivedLate() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(anonymousPost("/api/admin/campaigns/1/cancel", 2));
            out.flush();
            Thread.sleep(300);
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = responseHead(in);
            assertThat(first).startsWith("HTTP/1.1 401").doesNotContainIgnoringCase("connection: close");
            in.readNBytes(contentLength(first));

            out.write(anonymousPost("/api/admin/campaigns/1/approve", 2));
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(responseHead(in)).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void tellsTheClientItClosesTheConnectionWhenRefusingARequestWhoseLargeBodyHasNotArrived() throws Exception {
        // Over 64 KB the body is not awaited: the answer comes first, so the server cannot reuse the connection and
        // must say so, or the client's next request goes out on a socket that is already being closed.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(anonymousPost("/api/admin/campaigns/1/cancel", 1_000_000));
            socket.getOutputStream().flush();
            String head = responseHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 401").containsIgnoringCase("\r\nconnection: close\r\n");
        }
    }

    private static byte[] anonymousPost(String path, int contentLength) {
        return ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring("content-length:".length()).trim())).findFirst()
                .orElseThrow();
    }

    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void refusesEveryReviewerAndAdministratorFormToAnEditor() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);
        for (String path : List.of("/admin/kb/entries/QH-X/publish", "/admin/kb/entries/QH-X/reject",
                "/admin/kb/entries/QH-X/archive", "/admin/users", "/admin/users/reviewer1/disable",
                "/admin/users/reviewer1/unlock", "/admin/users/reviewer1/roles")) {
            assertThat(editor.post(path, "/admin/kb", Map.of("comment", "x")).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(editor.get("/admin/users").body()).contains("无权访问");
    }
}
