package cn.zhice.bot;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.bench.wechat.WeChatCrypto;
import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 「详情」 and 「更多」 over {@code /wechat/portal} in safe mode, the whole application behind it: messages signed and
 * encrypted with an implementation of WeChat's algorithm that is not WxJava's, replies decrypted the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WeChatContinuationIT {

    private static final String ADMIN_PASSWORD = "wechat-continuation-secret";
    private static final String TOKEN = "zhiceContinuationToken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxcontinuation000001";
    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
    private static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);

    private final WeChatCrypto crypto = new WeChatCrypto(TOKEN, AES_KEY, APP_ID);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong messageIds = new AtomicLong(System.nanoTime());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
        TestApplication.useH2(registry);
        registry.add("zhice.wechat.app-id", () -> APP_ID);
        registry.add("zhice.wechat.secret", () -> "unused-secret");
        registry.add("zhice.wechat.token", () -> TOKEN);
        registry.add("zhice.wechat.aes-key", () -> AES_KEY);
        // Passive replies never call WeChat's API: a closed port makes any call fail loudly.
        registry.add("zhice.wechat.api-base-url", () -> "http://127.0.0.1:9");
    }

    @Test
    void detailsContinuesAPassiveReplyCutAtTwoThousandFortyEightBytes() throws Exception {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            steps.append(i == 1 ? "" : ",").append("\"第").append(i).append("步：向竣工联合验收窗口提交第").append(i)
                    .append("份验收报告及其附件，并等待审核意见\"");
        }
        String guide = "{\"externalId\":\"QH-SG-LONG\",\"kind\":\"SERVICE_GUIDE\",\"title\":\"建设工程竣工联合验收\","
                + "\"status\":\"PUBLISHED\",\"department\":\"青禾区住房和城乡建设局\",\"how\":{\"steps\":[" + steps + "]}}\n";
        Api.Reply imported = Api.at(port).as("admin", ADMIN_PASSWORD).post("/api/admin/kb/import",
                "application/x-ndjson", guide.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String follower = "oContinuation" + UUID.randomUUID().toString().substring(0, 8);

        String first = send(follower, "建设工程竣工联合验收怎么办理");
        String second = send(follower, "详情");

        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(first).startsWith("【建设工程竣工联合验收】").contains("第1步").endsWith("回复「详情」查看更多");
        assertThat(second).doesNotContain("第1步：").contains("步：向竣工联合验收窗口");
        assertThat(second.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    }

    @Test
    void morePagesThroughTheOfferedCandidates() throws Exception {
        String follower = "oContinuation" + UUID.randomUUID().toString().substring(0, 8);

        String offered = send(follower, "补贴");
        String more = send(follower, "更多");

        assertThat(offered).startsWith("您是想问：").contains("1. ", "3. ");
        assertThat(more).startsWith("还有这些：").contains("1. ");
        more.lines().filter(line -> line.matches("\\d\\. .*"))
                .forEach(line -> assertThat(offered).doesNotContain(line.substring(3)));
    }

    /** One text message as WeChat sends it in safe mode; the decrypted reply's Content. */
    private String send(String openId, String text) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().substring(0, 10);
        String xml = "<xml><ToUserName><![CDATA[gh_zhice]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + messageIds.incrementAndGet() + "</MsgId></xml>";
        String encrypted = crypto.encrypt(xml);
        String body = "<xml><ToUserName><![CDATA[gh_zhice]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        String query = "?signature=" + crypto.signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openId + "&encrypt_type=aes&msg_signature="
                + crypto.messageSignature(timestamp, nonce, encrypted);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/wechat/portal" + query))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher reply = ENCRYPT.matcher(response.body());
        assertThat(reply.find()).as(response.body()).isTrue();
        Matcher content = CONTENT.matcher(crypto.decrypt(reply.group(1)));
        assertThat(content.find()).isTrue();
        return content.group(1);
    }
}
