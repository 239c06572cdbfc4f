package cn.zhice.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import cn.zhice.testsupport.TestApplication;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.TwilioFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The push contract through the running application: campaign API with four-eyes approval and ProblemDetail errors,
 * the SMS gateway's signed callbacks and opt-out replies, the tracked policy page with feedback and QR code, and the
 * unsubscribe link — against WireMock playing the Twilio-compatible gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignApiIT {

    static final String ADMIN_PASSWORD = "push-admin-secret";
    static final String PASSWORD = "correct-horse-battery";
    static final String PUBLIC_URL = "https://zhice.example.gov.cn";
    static final String FACTORY = "91350100M000100Y43";
    static final String MOBILE = "13800138000";

    static final TwilioFake TWILIO = new TwilioFake();
    static final WireMockServer GATEWAY = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(TWILIO));

    static {
        GATEWAY.start();
        TWILIO.stub(GATEWAY);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
        TestApplication.useH2(registry);
        String prefix = TestServices.uniquePrefix();
        registry.add("zhice.push.key-prefix", () -> prefix + "push:");
        registry.add("zhice.push.public-base-url", () -> PUBLIC_URL);
        registry.add("zhice.push.quiet-hours.enabled", () -> "false");
        registry.add("zhice.push.worker.poll-interval", () -> "100ms");
        registry.add("zhice.push.planning-interval", () -> "200ms");
        registry.add("zhice.sms.base-url", GATEWAY::baseUrl);
        registry.add("zhice.sms.account-sid", () -> TwilioFake.ACCOUNT);
        registry.add("zhice.sms.auth-token", () -> TwilioFake.TOKEN);
        registry.add("zhice.sms.from", () -> "+15005550006");
    }

    @LocalServerPort
    int port;

    Api anonymous;
    Api editor;
    Api reviewer;
    String policy;
    long campaign;
    String code;

    @BeforeAll
    void runACampaign() throws Exception {
        anonymous = Api.at(port);
        Api admin = anonymous.as("admin", ADMIN_PASSWORD);
        for (var user : Map.of("pusheditor", "EDITOR", "pushreviewer", "REVIEWER").entrySet()) {
            Reply created = admin.postJson("/api/admin/users",
                    Map.of("username", user.getKey(), "password", PASSWORD, "roles", List.of(user.getValue())));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        editor = anonymous.as("pusheditor", PASSWORD);
        reviewer = anonymous.as("pushreviewer", PASSWORD);
        String factory = "{\"uscc\":\"" + FACTORY + "\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
                + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2019-05-10\","
                + "\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\",\"validTo\":\"2099-12-31\"}],"
                + "\"contacts\":{\"mobile\":\"" + MOBILE + "\",\"email\":\"boss@example.com\"},"
                + "\"consent\":{\"sms\":true,\"email\":false,\"wechat\":false}}\n";
        Reply imported = editor.post("/api/admin/enterprises/import", "application/x-ndjson", factory.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode policies = editor.get("/api/matching/enterprises/" + FACTORY + "/policies").json();
        policy = policies.get(0).get("externalId").asString();

        Reply created = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of("SMS")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        campaign = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");

        Reply approved = reviewer.postJson("/api/admin/campaigns/" + campaign + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Instant until = Instant.now().plusSeconds(30);
        while (TWILIO.sent().isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(TWILIO.sent()).isNotEmpty();
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/p/(\\w+)").matcher(TWILIO.sent().get(0).body());
        assertThat(link.find()).isTrue();
        code = link.group(1);
    }

    @AfterAll
    void stopGateway() {
        GATEWAY.stop();
    }

    JsonNode awaitFunnel(java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        JsonNode body = editor.get("/api/admin/campaigns/" + campaign).json();
        while (!condition.test(body) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            body = editor.get("/api/admin/campaigns/" + campaign).json();
        }
        return body;
    }

    @Test
    void sendsTheApprovedCampaignAndReportsStatusAndFunnel() throws Exception {
        JsonNode body = awaitFunnel(b -> "FINISHED".equals(b.get("status").asString()));

        assertThat(body.get("status").asString()).isEqualTo("FINISHED");
        assertThat(body.get("approvedBy").asString()).isEqualTo("pushreviewer");
        assertThat(body.get("funnel").get("targeted").asInt()).isEqualTo(1);
        assertThat(body.get("funnel").get("sent").asInt()).isEqualTo(1);
        assertThat(TWILIO.sent().get(0).to()).isEqualTo("+86" + MOBILE);
        assertThat(TWILIO.sent().get(0).body()).endsWith("拒收请回复R");
    }

    @Test
    void previewsTargetsWithReasonsAndMaskedContacts() {
        Reply created = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of("SMS", "EMAIL")));

        Reply preview = editor.get("/api/admin/campaigns/" + created.json().get("id").asLong() + "/preview");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.get("counts").get("ELIGIBLE").asInt()).isPositive();
        JsonNode sample = body.get("sample").get(0);
        assertThat(sample.get("uscc").asString()).isEqualTo(FACTORY);
        assertThat(sample.get("reasons").size()).isPositive();
        assertThat(preview.body()).doesNotContain(MOBILE);
        assertThat(body.get("messages").get("SMS").get("text").asString()).endsWith("拒收请回复R");
        assertThat(body.get("messages").get("EMAIL").get("subject").asString()).startsWith("政策通知：");
    }

    @Test
    void refusesSelfApprovalAndApprovalByEditors() {
        Reply created = reviewer.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of("SMS")));
        long id = created.json().get("id").asLong();

        Reply own = reviewer.postJson("/api/admin/campaigns/" + id + "/approve", "{}");
        Reply byEditor = editor.postJson("/api/admin/campaigns/" + id + "/approve", "{}");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).contains("application/problem+json");
        assertThat(own.json().get("title").asString()).isEqualTo("Self approval");
        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(editor.get("/api/admin/campaigns/" + id).json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void answersBadCampaignRequestsWithProblemDetails() {
        Reply noChannels = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of()));
        Reply unknownPolicy = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", "NO-SUCH", "channels", List.of("SMS")));
        Reply unknownChannel = editor.postJson("/api/admin/campaigns", "{\"policyExternalId\":\"" + policy + "\",\"channels\":[\"FAX\"]}");
        Reply missing = editor.get("/api/admin/campaigns/999999");

        assertThat(noChannels.status()).isEqualTo(400);
        assertThat(noChannels.contentType()).contains("application/problem+json");
        assertThat(noChannels.json().get("field").asString()).isEqualTo("channels");
        assertThat(unknownPolicy.status()).isEqualTo(404);
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(anonymous.get("/api/admin/campaigns/" + campaign).status()).isEqualTo(401);
    }

    static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TwilioFake.TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> callback(String pathAndQuery, Map<String, String> form, String signature) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsDeliveryFromASignedStatusCallbackAndRejectsForgedOnes() throws Exception {
        String path = "/api/push/sms/status?d=" + code;
        Map<String, String> form = Map.of("MessageSid", TWILIO.sent().get(0).sid(), "MessageStatus", "delivered",
                "AccountSid", TwilioFake.ACCOUNT, "To", "+86" + MOBILE);

        HttpResponse<String> forged = callback(path, form, sign(PUBLIC_URL + path, Map.of("MessageStatus", "delivered")));
        HttpResponse<String> unsigned = callback(path, form, null);
        HttpResponse<String> signed = callback(path, form, sign(PUBLIC_URL + path, form));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(signed.statusCode()).isEqualTo(204);
        assertThat(awaitFunnel(b -> b.get("funnel").get("delivered").asInt() == 1).get("funnel").get("delivered").asInt()).isEqualTo(1);
    }

    @Test
    void optsANumberOutOnAStopReplyAndBackInOnStart() throws Exception {
        String path = "/api/push/sms/inbound";
        Map<String, String> stop = Map.of("From", "+86" + MOBILE, "To", "+15005550006", "Body", "退订", "MessageSid", "SM1");
        HttpResponse<String> reply = callback(path, stop, sign(PUBLIC_URL + path, stop));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("<Response>");

        Reply created = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of("SMS")));
        JsonNode preview = editor.get("/api/admin/campaigns/" + created.json().get("id").asLong() + "/preview").json();
        assertThat(preview.get("suppressed").get("OPTED_OUT").asInt()).isEqualTo(1);

        Map<String, String> start = Map.of("From", "+86" + MOBILE, "To", "+15005550006", "Body", "START", "MessageSid", "SM2");
        assertThat(callback(path, start, sign(PUBLIC_URL + path, start)).statusCode()).isEqualTo(200);
        preview = editor.get("/api/admin/campaigns/" + created.json().get("id").asLong() + "/preview").json();
        assertThat(preview.get("suppressed").has("OPTED_OUT")).isFalse();
    }

    @Test
    void showsTheTrackedPolicyPageCountsTheClickAndRecordsFeedback() throws Exception {
        Reply page = anonymous.get("/p/" + code);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).contains("text/html");
        assertThat(page.body()).contains("为什么推送给您", "有用", "没用", "/p/" + code + "/qr.png");
        HttpResponse<String> vote = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/p/" + code + "/feedback")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("useful=true")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).isEqualTo(302);

        JsonNode funnel = awaitFunnel(b -> b.get("funnel").get("useful").asInt() == 1).get("funnel");
        assertThat(funnel.get("clicked").asInt()).isEqualTo(1);
        assertThat(funnel.get("useful").asInt()).isEqualTo(1);
        assertThat(funnel.get("notUseful").asInt()).isZero();
        assertThat(anonymous.get("/p/" + code).body()).contains("已反馈：有用");
        assertThat(anonymous.get("/p/unknown-code").status()).isEqualTo(404);
    }

    @Test
    void servesAQrCodeOfThePage() throws Exception {
        HttpResponse<byte[]> qr = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/p/" + code + "/qr.png")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(qr.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String text = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(source))).getText();
        assertThat(text).isEqualTo(PUBLIC_URL + "/p/" + code);
    }

    @Test
    void unsubscribeLinkAsksFirstAndOptsOutOnConfirmation() throws Exception {
        Reply confirm = anonymous.get("/api/push/unsubscribe/" + code);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("确认退订");

        Reply done = anonymous.post("/api/push/unsubscribe/" + code, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("已退订");

        Reply created = editor.postJson("/api/admin/campaigns", Map.of("policyExternalId", policy, "channels", List.of("SMS")));
        JsonNode preview = editor.get("/api/admin/campaigns/" + created.json().get("id").asLong() + "/preview").json();
        assertThat(preview.get("suppressed").get("OPTED_OUT").asInt()).isEqualTo(1);
        String path = "/api/push/sms/inbound";
        Map<String, String> start = Map.of("From", "+86" + MOBILE, "To", "+15005550006", "Body", "START", "MessageSid", "SM3");
        callback(path, start, sign(PUBLIC_URL + path, start));
    }
}
