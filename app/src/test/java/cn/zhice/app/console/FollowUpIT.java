package cn.zhice.app.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Closing the loop with residents over WeChat, with WireMock playing WeChat's 客服 message API: answering an
 * unanswered question by linking an entry or publishing a new FAQ messages the askers still within 48 hours, and a
 * staff reply to a ticket reaches the user (or, outside the window, leaves the ticket open with the reason).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowUpIT {

    static final String ADMIN_PW = "follow-up-admin-secret";
    static final String PW = "staff-password-123";
    static final String APP_ID = "wx5f3a9b2c1d0e7f68";
    static final String SEND = "/cgi-bin/message/custom/send";
    static final WireMockServer WECHAT = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        WECHAT.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, true);
        TestApplication.useH2(registry);
        registry.add("zhice.wechat.app-id", () -> APP_ID);
        registry.add("zhice.wechat.secret", () -> "test-secret");
        registry.add("zhice.wechat.token", () -> "zhiceToken2026");
        registry.add("zhice.wechat.api-base-url", WECHAT::baseUrl);
    }

    @BeforeEach
    void wechatAndStaff() {
        WECHAT.resetAll();
        WECHAT.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")));
        WECHAT.stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        admin.postJson("/api/admin/users", Map.of("username", "editor1", "password", PW, "roles", List.of("EDITOR")));
        admin.postJson("/api/admin/users", Map.of("username", "reviewer1", "password", PW, "roles", List.of("REVIEWER")));
    }

    @Test
    void linkingAnEntryAnswersOnlyTheAskersWithinFortyEightHours() throws Exception {
        long recent = turn("oRecentAsker01", "WECHAT", "创业补贴到底怎么领取呢", 2);
        long old = turn("oOldAsker00001", "WECHAT", "创业补贴到底怎么领取啊", 60);
        long web = turn("web:visitor", "WEB", "创业补贴到底怎么领取", 1);
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);

        String page = editor.get("/admin/unanswered").body();
        HttpResponse<String> linked = editor.post("/admin/unanswered/link", "/admin/unanswered",
                Map.of("turnIds", recent + "", "entryId", "QH-SG-001"));
        editor.post("/admin/unanswered/link", "/admin/unanswered", Map.of("turnIds", old + "", "entryId", "QH-SG-001"));
        editor.post("/admin/unanswered/link", "/admin/unanswered", Map.of("turnIds", web + "", "entryId", "QH-SG-001"));

        assertThat(page).contains("创业补贴到底怎么领取");
        assertThat(linked.statusCode()).isEqualTo(302);
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
        WECHAT.verify(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("oRecentAsker01")))
                .withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.content", WireMock.containing("您之前咨询的问题有答复了"))));
        assertThat(editor.get("/admin/unanswered").body()).doesNotContain("创业补贴到底怎么领取");
    }

    @Test
    void aNewFaqDraftedFromAQuestionIsSentToTheAskersWhenPublished() throws Exception {
        long asked = turn("oFaqAsker00001", "WECHAT", "犬只年检在哪里做", 3);
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);

        HttpResponse<String> drafted = editor.post("/admin/unanswered/faq", "/admin/unanswered",
                Map.of("turnIds", asked + "", "wording", "犬只年检在哪里做"));
        String form = URLDecoder.decode(drafted.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        String id = form.replaceAll(".*externalId=([^&]+).*", "$1");
        editor.post("/admin/kb/entries", "/admin/kb/new", Map.of("externalId", id, "kind", "FAQ", "category", "其他",
                "title", "犬只年检在哪里做", "questions", "犬只年检在哪里做",
                "answer", "犬只年检请到青禾区动物防疫站办理，工作日上午9点至下午5点。"));
        editor.post("/admin/kb/entries/" + id + "/submit", "/admin/kb/entries/" + id, Map.of());
        WECHAT.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
        ConsoleClient reviewer = ConsoleClient.signedIn(port, "reviewer1", PW);
        reviewer.post("/admin/kb/entries/" + id + "/publish", "/admin/kb/entries/" + id, Map.of());

        assertThat(form).contains("/admin/kb/new?kind=FAQ").contains("title=犬只年检在哪里做");
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("oFaqAsker00001")))
                .withRequestBody(matchingJsonPath("$.text.content", WireMock.containing("动物防疫站"))));
    }

    @Test
    void aStaffReplyToATicketIsSentAsAKefuMessageAndClosesTheTicket() throws Exception {
        long ticket = ticket("oTicketUser001", "我的补贴申请卡在哪一步了");
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);

        assertThat(editor.get("/admin/tickets").body()).contains("我的补贴申请卡在哪一步了");
        editor.post("/admin/tickets/" + ticket + "/reply", "/admin/tickets", Map.of("answer", "已转财政局，3 个工作日内答复。"));

        WECHAT.verify(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("oTicketUser001")))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("已转财政局，3 个工作日内答复。"))));
        assertThat(jdbc.sql("select status from bot_ticket where id = ?").param(ticket).query(String.class).single())
                .isEqualTo("ANSWERED");
    }

    @Test
    void keepsATicketOpenWhenWeChatRefusesTheReplyOutsideTheWindow() throws Exception {
        WECHAT.stubFor(WireMock.post(urlPathEqualTo(SEND))
                .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled\"}")));
        long ticket = ticket("oLateUser00001", "上周的问题还没人回");
        ConsoleClient editor = ConsoleClient.signedIn(port, "editor1", PW);

        editor.post("/admin/tickets/" + ticket + "/reply", "/admin/tickets", Map.of("answer", "抱歉回复晚了"));

        assertThat(editor.get("/admin/tickets").body()).contains("超过 48 小时");
        assertThat(jdbc.sql("select status from bot_ticket where id = ?").param(ticket).query(String.class).single())
                .isEqualTo("OPEN");
    }

    /** A turn as the bot logs it, {@code hoursAgo} hours ago. */
    private long turn(String user, String channel, String text, int hoursAgo) {
        jdbc.sql("""
                insert into bot_turn (user_id, channel, text, normalized, intent, confidence, outcome, created_at)
                values (?, ?, ?, ?, 'policy_lookup', 0.4, 'MISSED', ?)""")
                .params(user, channel, text, text, OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo))
                .update();
        return jdbc.sql("select max(id) from bot_turn").query(Long.class).single();
    }

    private long ticket(String user, String question) {
        jdbc.sql("insert into bot_ticket (user_id, channel, question, status, created_at) values (?, 'WECHAT', ?, 'OPEN', ?)")
                .params(user, question, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select max(id) from bot_ticket").query(Long.class).single();
    }
}
