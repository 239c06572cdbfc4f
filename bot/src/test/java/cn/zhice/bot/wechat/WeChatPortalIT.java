package cn.zhice.bot.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhice.testsupport.TestServices;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives {@code /wechat/portal} on a real server the way WeChat does: signed query strings, WeChat-format XML, 安全模式
 * encryption done by {@link WeChatWire} (not WxJava), WireMock as WeChat's API, and the real Redis.
 */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WeChatPortalIT {

    static final String APP_ID = "wx5f3a9b2c1d0e7f68";
    static final String TOKEN = "zhiceToken2026";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String ACCOUNT = "gh_7b2c1d0e9f31";
    static final WireMockServer WECHAT = startWeChat();
    static final AtomicLong MSG_IDS = new AtomicLong(24_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L);

    final WeChatWire wire = new WeChatWire(TOKEN, AES_KEY, APP_ID);
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    FakeDialogue dialogue;

    @DynamicPropertySource
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestServices::redisUrl);
        registry.add("zhice.wechat.app-id", () -> APP_ID);
        registry.add("zhice.wechat.secret", () -> "test-secret");
        registry.add("zhice.wechat.token", () -> TOKEN);
        registry.add("zhice.wechat.aes-key", () -> AES_KEY);
        registry.add("zhice.wechat.api-base-url", WECHAT::baseUrl);
        registry.add("zhice.wechat.reply-timeout", () -> "1s");
        registry.add("zhice.wechat.redis-key-prefix", TestServices::uniquePrefix);
        registry.add("zhice.wechat.menu.APPLY_GUIDE", () -> "创业补贴怎么申请");
    }

    static WireMockServer startWeChat() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopWeChat() {
        WECHAT.stop();
    }

    @BeforeEach
    void wechatApi() {
        WECHAT.resetAll();
        WECHAT.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).withQueryParam("appid", equalTo(APP_ID))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")));
        WECHAT.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        dialogue.slowness = Duration.ZERO;
    }

    @Test
    void echoesEchostrToVerifiedServer() throws Exception {
        String timestamp = now();
        HttpResponse<String> response = get("/wechat/portal?signature=" + wire.signature(timestamp, "n1") + "&timestamp="
                + timestamp + "&nonce=n1&echostr=5738297464812301");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("5738297464812301");
    }

    @Test
    void rejectsBadSignatureWithoutProcessingOrLoggingTheMessage(CapturedOutput output) throws Exception {
        String openId = openId();
        String timestamp = now();
        HttpResponse<String> response = post("/wechat/portal?signature=" + "0".repeat(40) + "&timestamp=" + timestamp
                + "&nonce=n2&openid=" + openId, text(openId, "隐私问题", MSG_IDS.incrementAndGet()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(dialogue.turnsOf(openId)).isZero();
        assertThat(output.getAll()).doesNotContain(openId).doesNotContain("隐私问题");
    }

    @Test
    void rejectsMissingSignatureParameters() throws Exception {
        HttpResponse<String> response = get("/wechat/portal?echostr=1");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void rejectsTimestampOlderThanFiveMinutes() throws Exception {
        String openId = openId();
        String stale = String.valueOf(Instant.now().minusSeconds(301).getEpochSecond());
        HttpResponse<String> response = post(signed(stale, "n3"), text(openId, "创业补贴", MSG_IDS.incrementAndGet()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void rejectsBodyOver64KbByContentLength() throws Exception {
        String openId = openId();
        String big = text(openId, "补".repeat(23_000), MSG_IDS.incrementAndGet());
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        HttpResponse<String> response = post(signed(now(), "n4"), big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void rejectsBodyOver64KbSentWithoutContentLength() throws Exception {
        String openId = openId();
        byte[] big = text(openId, "补".repeat(23_000), MSG_IDS.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base() + signed(now(), "n5")))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void rejectsXmlWithExternalEntityWithoutResolvingIt() throws Exception {
        WECHAT.stubFor(WireMock.get(urlPathEqualTo("/xxe")).willReturn(aResponse().withBody("secret")));
        String openId = openId();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + WECHAT.baseUrl() + "/xxe\">]>"
                + "<xml><ToUserName>" + ACCOUNT + "</ToUserName><FromUserName>" + openId + "</FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";

        HttpResponse<String> response = post(signed(now(), "n6"), xxe);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WECHAT.findAll(WireMock.getRequestedFor(urlPathEqualTo("/xxe")))).isEmpty();
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void rejectsEncryptedXmlWithDoctype() throws Exception {
        String openId = openId();
        String inner = "<!DOCTYPE xml [<!ENTITY x \"y\">]>" + text(openId, "&x;", MSG_IDS.incrementAndGet());

        HttpResponse<String> response = postEncrypted(inner);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void answersPlainTextMessageFromTheDialogue(CapturedOutput output) throws Exception {
        String openId = openId();
        HttpResponse<String> response = post(signed(now(), "n7"), text(openId, "创业补贴在哪办", MSG_IDS.incrementAndGet()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WeChatWire.element(response.body(), "ToUserName")).isEqualTo(openId);
        assertThat(WeChatWire.element(response.body(), "FromUserName")).isEqualTo(ACCOUNT);
        assertThat(WeChatWire.element(response.body(), "MsgType")).isEqualTo("text");
        assertThat(WeChatWire.element(response.body(), "Content")).isEqualTo("关于「创业补贴在哪办」：请到区政务服务中心办理。");
        assertThat(dialogue.turns).anySatisfy(turn -> {
            assertThat(turn.userId()).isEqualTo(openId);
            assertThat(turn.text()).isEqualTo("创业补贴在哪办");
        });
        assertThat(output.getAll()).doesNotContain(openId);
    }

    @Test
    void answersSafeModeTextWithAnEncryptedReply() throws Exception {
        String openId = openId();
        HttpResponse<String> response = postEncrypted(text(openId, "社保补贴怎么申请", MSG_IDS.incrementAndGet()));

        assertThat(response.statusCode()).isEqualTo(200);
        String encrypt = WeChatWire.element(response.body(), "Encrypt");
        String signature = WeChatWire.element(response.body(), "MsgSignature");
        String timestamp = WeChatWire.element(response.body(), "TimeStamp");
        String nonce = WeChatWire.element(response.body(), "Nonce");
        assertThat(signature).isEqualTo(wire.msgSignature(timestamp, nonce, encrypt));
        String reply = wire.decrypt(encrypt);
        assertThat(WeChatWire.element(reply, "ToUserName")).isEqualTo(openId);
        assertThat(WeChatWire.element(reply, "Content")).isEqualTo("关于「社保补贴怎么申请」：请到区政务服务中心办理。");
    }

    @Test
    void rejectsSafeModeMessageWithWrongMsgSignature() throws Exception {
        String openId = openId();
        String timestamp = now();
        String encrypt = wire.encrypt(text(openId, "创业补贴", MSG_IDS.incrementAndGet()));
        HttpResponse<String> response = post(signed(timestamp, "n8") + "&encrypt_type=aes&msg_signature=" + "a".repeat(40),
                WeChatWire.envelope(ACCOUNT, encrypt));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void asksTheDialogueWhatVoiceRecognitionHeard() throws Exception {
        String openId = openId();
        String voice = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
                + "<MediaId><![CDATA[media_id_123]]></MediaId><Format><![CDATA[amr]]></Format>"
                + "<Recognition><![CDATA[人才补贴在哪申请]]></Recognition><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";

        HttpResponse<String> response = post(signed(now(), "n9"), voice);

        assertThat(WeChatWire.element(response.body(), "Content")).isEqualTo("关于「人才补贴在哪申请」：请到区政务服务中心办理。");
    }

    @Test
    void welcomesNewFollower() throws Exception {
        String openId = openId();
        HttpResponse<String> response = post(signed(now(), "n10"), event(openId, "subscribe", null));

        assertThat(WeChatWire.element(response.body(), "Content")).isEqualTo(FakeDialogue.WELCOME);
        assertThat(dialogue.welcomed).contains(openId);
    }

    @Test
    void acknowledgesUnsubscribeWithSuccess() throws Exception {
        HttpResponse<String> response = post(signed(now(), "n11"), event(openId(), "unsubscribe", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("success");
    }

    @Test
    void asksTheConfiguredQuestionForAMenuClick() throws Exception {
        String openId = openId();
        HttpResponse<String> response = post(signed(now(), "n12"), event(openId, "CLICK", "APPLY_GUIDE"));

        assertThat(WeChatWire.element(response.body(), "Content")).isEqualTo("关于「创业补贴怎么申请」：请到区政务服务中心办理。");
    }

    @Test
    void hintsWhatTheBotCanDoForAnImage() throws Exception {
        String openId = openId();
        String image = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[image]]></MsgType>"
                + "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>"
                + MSG_IDS.incrementAndGet() + "</MsgId></xml>";

        HttpResponse<String> response = post(signed(now(), "n13"), image);

        assertThat(WeChatWire.element(response.body(), "Content")).isEqualTo(PassiveReplies.HINT);
        assertThat(dialogue.turnsOf(openId)).isZero();
    }

    @Test
    void returnsCachedReplyToWeChatRetry() throws Exception {
        dialogue.slowness = Duration.ofMillis(400);
        String openId = openId();
        String message = text(openId, "慢一点的问题", MSG_IDS.incrementAndGet());

        CompletableFuture<HttpResponse<String>> first = postAsync(signed(now(), "r1"), message);
        Thread.sleep(100);
        CompletableFuture<HttpResponse<String>> concurrentRetry = postAsync(signed(now(), "r2"), message);
        List<String> replies = new ArrayList<>();
        replies.add(first.get().body());
        replies.add(concurrentRetry.get().body());
        replies.add(post(signed(now(), "r3"), message).body());
        replies.add(post(signed(now(), "r4"), message).body());

        assertThat(WeChatWire.element(replies.get(0), "Content")).isEqualTo("关于「慢一点的问题」：请到区政务服务中心办理。");
        assertThat(replies).containsOnly(replies.get(0));
        assertThat(dialogue.turnsOf(openId)).isEqualTo(1);
    }

    @Test
    void returnsSameEncryptedReplyContentToSafeModeRetry() throws Exception {
        String openId = openId();
        String message = text(openId, "高新技术企业认定", MSG_IDS.incrementAndGet());

        String first = wire.decrypt(WeChatWire.element(postEncrypted(message).body(), "Encrypt"));
        String retry = wire.decrypt(WeChatWire.element(postEncrypted(message).body(), "Encrypt"));

        assertThat(retry).isEqualTo(first);
        assertThat(dialogue.turnsOf(openId)).isEqualTo(1);
    }

    @Test
    void acknowledgesSlowAnswerWithSuccessThenSendsItAsKefuMessage() throws Exception {
        dialogue.slowness = Duration.ofMillis(1800);
        String openId = openId();
        String message = text(openId, "慢慢想的问题", MSG_IDS.incrementAndGet());

        HttpResponse<String> response = post(signed(now(), "s1"), message);
        HttpResponse<String> retry = post(signed(now(), "s2"), message);

        assertThat(response.body()).isEqualTo("success");
        assertThat(retry.body()).isEqualTo("success");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> WECHAT.verify(1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                        .withQueryParam("access_token", equalTo("ACCESS_TOKEN_1"))
                        .withRequestBody(matchingJsonPath("$.touser", equalTo(openId)))
                        .withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                        .withRequestBody(matchingJsonPath("$.text.content", containing("慢慢想的问题")))));
        assertThat(dialogue.turnsOf(openId)).isEqualTo(1);
    }

    @Test
    void cutsLongAnswerWithinTwoThousandFortyEightBytes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; text.length() < 1500; i++) {
            text.append("第").append(i).append("步：携带营业执照和身份证到窗口提交申请材料。\n");
        }
        dialogue.longAnswer = text.toString();

        HttpResponse<String> response = post(signed(now(), "l1"), text(openId(), "长", MSG_IDS.incrementAndGet()));

        String content = WeChatWire.element(response.body(), "Content");
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(content).endsWith("回复「详情」查看更多");
        assertThat(text.toString()).startsWith(content.substring(0, content.length() - PassiveText.MORE.length()));
        assertThat(content.substring(0, content.length() - PassiveText.MORE.length())).endsWith("。");
    }

    @Test
    void transfersToCustomerServiceWhenTheDialogueHandsOver() throws Exception {
        String openId = openId();
        HttpResponse<String> response = post(signed(now(), "t1"), text(openId, "转人工", MSG_IDS.incrementAndGet()));

        assertThat(WeChatWire.element(response.body(), "MsgType")).isEqualTo("transfer_customer_service");
        assertThat(WeChatWire.element(response.body(), "ToUserName")).isEqualTo(openId);
        assertThat(WeChatWire.element(response.body(), "FromUserName")).isEqualTo(ACCOUNT);
    }

    static String text(String openId, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String event(String openId, String event, String key) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>"
                + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
    }

    static String openId() {
        return "oTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 23);
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    String signed(String timestamp, String nonce) throws Exception {
        return "/wechat/portal?signature=" + wire.signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
                + nonce + "&openid=ignored";
    }

    HttpResponse<String> postEncrypted(String xml) throws Exception {
        String timestamp = now();
        String nonce = "e" + System.nanoTime();
        String encrypt = wire.encrypt(xml);
        return post(signed(timestamp, nonce) + "&encrypt_type=aes&msg_signature=" + wire.msgSignature(timestamp, nonce, encrypt),
                WeChatWire.envelope(ACCOUNT, encrypt));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String xml) throws Exception {
        return http.send(xmlPost(path, xml), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String xml) {
        return http.sendAsync(xmlPost(path, xml), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest xmlPost(String path, String xml) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build();
    }
}
