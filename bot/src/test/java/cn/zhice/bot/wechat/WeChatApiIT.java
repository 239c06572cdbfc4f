package cn.zhice.bot.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.bot.WeChatDeliveryFailed;
import cn.zhice.bot.dialogue.Channel;
import cn.zhice.testsupport.TestServices;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * WxJava against WireMock playing WeChat's API with its real payloads and error bodies, the access_token in the real
 * Redis: 客服 messages, errcode mapping, token refresh, and agents online.
 */
class WeChatApiIT {

    static final String APP_ID = "wx5f3a9b2c1d0e7f68";
    static final String SEND = "/cgi-bin/message/custom/send";
    static final String TOKEN = "/cgi-bin/token";
    static final String ONLINE = "/cgi-bin/customservice/getonlinekflist";

    static WireMockServer wechat;
    static LettuceConnectionFactory redis;

    WeChatProperties properties;

    @BeforeAll
    static void start() {
        wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wechat.start();
        redis = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(TestServices.redisUrl()));
        redis.afterPropertiesSet();
        redis.start();
    }

    @AfterAll
    static void stop() {
        wechat.stop();
        redis.destroy();
    }

    @BeforeEach
    void freshAccount() {
        wechat.resetAll();
        wechat.stubFor(WireMock.get(urlPathEqualTo(TOKEN)).withQueryParam("grant_type", equalTo("client_credential"))
                .withQueryParam("appid", equalTo(APP_ID)).withQueryParam("secret", equalTo("test-secret"))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")));
        properties = new WeChatProperties(APP_ID, "test-secret", "token", null, wechat.baseUrl(), Duration.ofSeconds(4),
                Duration.ofMinutes(5), TestServices.uniquePrefix(), Map.of(), 2);
    }

    @Test
    void sendsKefuTextWithTheAccessTokenSharedThroughRedis() {
        stubSend(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        new KefuMessenger(instance()).sendText("oUser1", "您的问题已有答复：请到区政务服务中心办理。");
        new KefuMessenger(instance()).sendText("oUser2", "第二个实例发送");

        wechat.verify(1, getRequestedFor(urlPathEqualTo(TOKEN)));
        wechat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withQueryParam("access_token", equalTo("ACCESS_TOKEN_1"))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("oUser1")))
                .withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("您的问题已有答复：请到区政务服务中心办理。"))));
        wechat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(matchingJsonPath("$.touser", equalTo("oUser2"))));
    }

    @Test
    void reportsMessageOutsideThe48HourWindowAsDeliveryFailed45015() {
        stubSend(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit or subscription is canceled rid: 6566f0b1-1d2b3c4d-5e6f7a8b\"}"));

        assertThatThrownBy(() -> new KefuMessenger(instance()).sendText("oUser3", "迟到的答复"))
                .isInstanceOfSatisfying(WeChatDeliveryFailed.class, failed -> assertThat(failed.errorCode()).isEqualTo(45015));
    }

    @Test
    void refreshesAnInvalidAccessTokenAndResendsOnce() {
        wechat.stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest rid: 6566f0b1-0a\"}"))
                .willSetStateTo("refreshed"));
        wechat.stubFor(WireMock.post(urlPathEqualTo(SEND)).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        new KefuMessenger(instance()).sendText("oUser4", "答复");

        wechat.verify(2, getRequestedFor(urlPathEqualTo(TOKEN)));
        wechat.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void reportsAPersistentlyInvalidCredentialAsDeliveryFailed40001() {
        stubSend(okJson("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest rid: 6566f0b1-0b\"}"));

        assertThatThrownBy(() -> new KefuMessenger(instance()).sendText("oUser5", "答复"))
                .isInstanceOfSatisfying(WeChatDeliveryFailed.class, failed -> assertThat(failed.errorCode()).isEqualTo(40001));
    }

    @Test
    void failsFastForAWhileAfterTheAccessTokenCouldNotBeFetched() {
        wechat.stubFor(WireMock.get(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(503)));
        KefuMessenger messenger = new KefuMessenger(instance());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> messenger.sendText("oUser6", "答复")).isInstanceOf(WeChatDeliveryFailed.class);
        }

        wechat.verify(1, getRequestedFor(urlPathEqualTo(TOKEN)));
        wechat.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void neverRefreshesTheAccessTokenInTwoInstancesAtOnce() throws Exception {
        wechat.stubFor(WireMock.get(urlPathEqualTo(TOKEN)).willReturn(
                okJson("{\"access_token\":\"ACCESS_TOKEN_SHARED\",\"expires_in\":7200}").withFixedDelay(300)));
        List<WxMpService> instances = List.of(instance(), instance(), instance());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> asks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                WxMpService instance = instances.get(i % instances.size());
                asks.add(instance::getAccessToken);
            }
            Set<String> tokens = new java.util.HashSet<>();
            for (Future<String> token : threads.invokeAll(asks)) {
                tokens.add(token.get());
            }

            assertThat(tokens).containsExactly("ACCESS_TOKEN_SHARED");
            // WxJava's Redis lock serialises refreshes: each one starts after the previous 300 ms fetch finished.
            List<Long> fetches = wechat.findAll(getRequestedFor(urlPathEqualTo(TOKEN))).stream()
                    .map(request -> request.getLoggedDate().getTime()).sorted().toList();
            assertThat(fetches).isNotEmpty().hasSizeLessThan(asks.size());
            for (int i = 1; i < fetches.size(); i++) {
                assertThat(fetches.get(i) - fetches.get(i - 1)).isGreaterThanOrEqualTo(300);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoInstancesOnOneRedisPrefixFetchTheAccessTokenOnce() throws Exception {
        wechat.stubFor(WireMock.get(urlPathEqualTo(TOKEN)).willReturn(
                okJson("{\"access_token\":\"ACCESS_TOKEN_ONCE\",\"expires_in\":7200}").withFixedDelay(200)));
        WxMpService first = instance();
        WxMpService second = instance();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> asks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asks.add((i % 2 == 0 ? first : second)::getAccessToken);
            }
            Set<String> tokens = new java.util.HashSet<>();
            for (Future<String> token : threads.invokeAll(asks)) {
                tokens.add(token.get());
            }

            assertThat(tokens).containsExactly("ACCESS_TOKEN_ONCE");
            // Whoever gets WxJava's Redis lock fetches; the others find the fresh token in Redis after waiting for it.
            wechat.verify(1, getRequestedFor(urlPathEqualTo(TOKEN)));
            assertThat(second.getAccessToken()).isEqualTo(first.getAccessToken());
            wechat.verify(1, getRequestedFor(urlPathEqualTo(TOKEN)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void seesAgentsOnlineOnlyOnWeChat() {
        wechat.stubFor(WireMock.get(urlPathEqualTo(ONLINE)).willReturn(okJson("""
                {"kf_online_list":[{"kf_account":"zhengce1@gh_7b2c1d0e9f31","status":1,"kf_id":"1001","accepted_case":1},
                 {"kf_account":"zhengce2@gh_7b2c1d0e9f31","status":3,"kf_id":"1002","accepted_case":0}]}""")));
        KefuAgentAvailability agents = new KefuAgentAvailability(instance(), properties);

        assertThat(agents.agentsOnline(Channel.WECHAT)).isTrue();
        assertThat(agents.agentsOnline(Channel.WEB)).isFalse();
    }

    @Test
    void seesNobodyOnlineWhenTheListIsEmptyOrWeChatFails() {
        KefuAgentAvailability agents = new KefuAgentAvailability(instance(), properties);
        wechat.stubFor(WireMock.get(urlPathEqualTo(ONLINE)).willReturn(okJson("{\"kf_online_list\":[]}")));
        assertThat(agents.agentsOnline(Channel.WECHAT)).isFalse();

        wechat.stubFor(WireMock.get(urlPathEqualTo(ONLINE)).willReturn(
                okJson("{\"errcode\":65400,\"errmsg\":\"please enable new custom service, or wait for pc version rid: 1\"}")));
        assertThat(new KefuAgentAvailability(instance(), properties).agentsOnline(Channel.WECHAT)).isFalse();
    }

    @Test
    void asksWeChatForOnlineAgentsAtMostTwiceAMinute() {
        wechat.stubFor(WireMock.get(urlPathEqualTo(ONLINE)).willReturn(okJson(
                "{\"kf_online_list\":[{\"kf_account\":\"agent1@gh_zhice\",\"status\":1,\"kf_id\":\"1001\",\"accepted_case\":0}]}")));
        KefuAgentAvailability agents = new KefuAgentAvailability(instance(), properties);

        for (int i = 0; i < 5; i++) {
            assertThat(agents.agentsOnline(Channel.WECHAT)).isTrue();
        }

        wechat.verify(1, getRequestedFor(urlPathEqualTo(ONLINE)));
    }

    void stubSend(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wechat.stubFor(WireMock.post(urlPathEqualTo(SEND)).willReturn(response));
    }

    /** One application instance: its own WxMpService over the shared Redis. */
    WxMpService instance() {
        // As the application builds it: one instance's service over the shared Redis config storage.
        return new WeChatConfiguration().wechatService(WeChatConfiguration.account(properties, redis));
    }
}
