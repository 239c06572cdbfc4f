package cn.zhice.push;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.TwilioFake;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The providers push talks to, started once per test JVM: WireMock as the Twilio-compatible gateway and as WeChat's
 * API (access_token, template send with real errcode bodies), GreenMail as the SMTP server.
 */
public final class PushServers {

    public static final String WECHAT_SEND = "/cgi-bin/message/template/send";
    public static final String PUBLIC_URL = "https://zhice.example.gov.cn";

    public static final TwilioFake TWILIO = new TwilioFake();
    public static final WireMockServer SMS = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .containerThreads(64).extensions(TWILIO));
    public static final WireMockServer WECHAT = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .extensions(new MsgIds()));
    public static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMS.start();
        WECHAT.start();
        MAIL.start();
        reset();
    }

    private PushServers() {}

    /** Forgets every request and message and restores the default (successful) stubs. */
    public static void reset() {
        SMS.resetAll();
        TWILIO.clear();
        TWILIO.stub(SMS);
        WECHAT.resetAll();
        WECHAT.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).withQueryParam("grant_type", equalTo("client_credential"))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")));
        WECHAT.stubFor(WireMock.post(urlPathEqualTo(WECHAT_SEND)).atPriority(10)
                .willReturn(WireMock.aResponse().withTransformers("msgid")));
        try {
            MAIL.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Properties pointing push at these servers, a fresh H2 database and a unique Redis key prefix. */
    public static void register(DynamicPropertyRegistry registry) {
        String db = "jdbc:h2:mem:push-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        register(registry, db, TestServices.uniquePrefix());
    }

    public static void register(DynamicPropertyRegistry registry, String db, String prefix) {
        properties(db, prefix).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same properties as a map, for contexts a test starts and kills itself. */
    public static java.util.Map<String, Object> properties(String db, String prefix) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        DynamicPropertyRegistry registry = (name, supplier) -> properties.put(name, supplier.get());
        registry.add("spring.datasource.url", () -> db);
        registry.add("spring.data.redis.url", TestServices::redisUrl);
        registry.add("zhice.push.key-prefix", () -> prefix + "push:");
        registry.add("zhice.push.public-base-url", () -> PUBLIC_URL);
        registry.add("zhice.push.worker.enabled", () -> "false");
        registry.add("zhice.push.wechat.template-id", () -> "TPL-policy-notice");
        registry.add("test.wechat-url", WECHAT::baseUrl);
        registry.add("zhice.sms.base-url", SMS::baseUrl);
        registry.add("zhice.sms.account-sid", () -> TwilioFake.ACCOUNT);
        registry.add("zhice.sms.auth-token", () -> TwilioFake.TOKEN);
        registry.add("zhice.sms.from", () -> "+15005550006");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("zhice.mail.from", () -> "青禾区政策服务 <policy@qinghe.example.gov.cn>");
        return properties;
    }

    /** WeChat's template send answer with a fresh msgid each time. */
    static final class MsgIds implements ResponseDefinitionTransformerV2 {

        private final AtomicLong next = new AtomicLong(200228332);

        @Override
        public String getName() {
            return "msgid";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + next.incrementAndGet() + "}").build();
        }
    }
}
