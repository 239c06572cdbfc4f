package cn.zhice.push.campaign;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.testsupport.push.ScriptedSmtpServer;
import cn.zhice.push.Suppression;
import cn.zhice.push.delivery.OptOuts;
import cn.zhice.push.delivery.OutboxWorker;
import cn.zhice.testsupport.push.Enterprises;
import cn.zhice.testsupport.push.FakeKnowledgeBase;
import cn.zhice.testsupport.push.FakeTargeting;
import cn.zhice.testsupport.push.MutableClock;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the providers' errors do to a delivery: WeChat's template-send errcodes in WeChat's own JSON bodies (WireMock)
 * and SMTP reply codes from a mail server (a scripted one, as GreenMail cannot refuse a recipient) — opt-out and
 * fallback, permanent failure and fallback, retry with backoff, a longer backoff for quotas, a refreshed
 * access_token, dead letters.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ProviderErrorsIT {

    static final ScriptedSmtpServer SMTP;
    static final AtomicInteger POLICY = new AtomicInteger();
    static final AtomicInteger ENTERPRISE = new AtomicInteger(3000);

    static {
        try {
            SMTP = new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PushServers.register(registry);
        registry.add("spring.mail.port", SMTP::port);
        registry.add("zhice.push.retry.base", () -> "10s");
    }

    @Autowired CampaignService campaigns;
    @Autowired OutboxWorker worker;
    @Autowired FakeKnowledgeBase knowledgeBase;
    @Autowired FakeTargeting targeting;
    @Autowired MutableClock clock;
    @Autowired OptOuts optOuts;
    @Autowired WxMpService wechat;
    @Autowired JdbcTemplate jdbc;

    String policy;

    @BeforeEach
    void fresh() {
        PushServers.reset();
        SMTP.clear();
        targeting.clear();
        clock.set("2026-11-23T10:00");
        policy = "QH-POL-E" + POLICY.incrementAndGet();
        knowledgeBase.publish(policy, "专精特新中小企业认定奖励", LocalDate.of(2026, 12, 31));
    }

    EnterpriseProfile enterprise(boolean wechat, boolean sms, boolean email) {
        int n = ENTERPRISE.incrementAndGet();
        EnterpriseProfile profile = Enterprises.profile(n, sms ? Enterprises.mobile(n) : null,
                email ? "office" + n + "@example.com" : null, wechat ? "oERR" + n : null);
        targeting.add(profile);
        return profile;
    }

    Campaign run(List<Channel> channels) {
        Campaign created = campaigns.create(new NewCampaign(policy, channels, null), "editor1");
        campaigns.approve(created.id(), "reviewer1");
        campaigns.tick();
        drain();
        campaigns.tick();
        return campaigns.find(created.id());
    }

    Campaign again(Campaign campaign) {
        drain();
        campaigns.tick();
        return campaigns.find(campaign.id());
    }

    void drain() {
        for (int i = 0; i < 20 && worker.dispatchOnce() > 0; i++) {
            // each round claims one batch
        }
    }

    /** WeChat answers template sends to {@code openId} with {@code body} (its real error JSON) until reset. */
    static void wechatAnswers(String openId, String body) {
        PushServers.WECHAT.stubFor(post(urlPathEqualTo(PushServers.WECHAT_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openId))).willReturn(okJson(body)));
    }

    static int templateSends(String openId) {
        return PushServers.WECHAT.findAll(postRequestedFor(urlPathEqualTo(PushServers.WECHAT_SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openId)))).size();
    }

    Map<String, Object> row(Campaign campaign, Channel channel) {
        return jdbc.queryForMap("select status, attempts, last_error, due_at from push_delivery where campaign_id = ? and channel = ?",
                campaign.id(), channel.name());
    }

    @Test
    void recordsAnOptOutAndFallsBackToSmsWhenTheUserNoLongerFollowsTheAccount() {
        EnterpriseProfile profile = enterprise(true, true, false);
        wechatAnswers(profile.contacts().wechatOpenId(), "{\"errcode\":43004,\"errmsg\":\"require subscribe rid: 6385f1a2-0b6c5d4e-2f3a1b7c\"}");

        Campaign campaign = run(List.of(Channel.WECHAT, Channel.SMS));

        assertThat(templateSends(profile.contacts().wechatOpenId())).isEqualTo(1);
        assertThat(optOuts.isOptedOut(Channel.WECHAT, profile.contacts().wechatOpenId())).isTrue();
        assertThat(PushServers.TWILIO.sent()).singleElement().extracting(s -> s.to()).isEqualTo("+86" + profile.contacts().mobile());
        assertThat(campaign.funnel().suppressed().get(Suppression.OPTED_OUT)).isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void failsForGoodAndFallsBackToSmsWhenWeChatCallsTheOpenidInvalid() {
        EnterpriseProfile profile = enterprise(true, true, false);
        wechatAnswers(profile.contacts().wechatOpenId(), "{\"errcode\":40003,\"errmsg\":\"invalid openid rid: 6385f1a2-1c2d3e4f-5a6b7c8d\"}");

        Campaign campaign = run(List.of(Channel.WECHAT, Channel.SMS));
        clock.advance(Duration.ofHours(2));
        campaign = again(campaign);

        assertThat(templateSends(profile.contacts().wechatOpenId())).as("never tried again").isEqualTo(1);
        assertThat(row(campaign, Channel.WECHAT)).containsEntry("STATUS", "FAILED");
        assertThat((String) row(campaign, Channel.WECHAT).get("LAST_ERROR")).contains("40003");
        assertThat(optOuts.isOptedOut(Channel.WECHAT, profile.contacts().wechatOpenId())).as("not an opt-out").isFalse();
        assertThat(PushServers.TWILIO.sent()).hasSize(1);
        assertThat(campaign.funnel().failed()).isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
    }

    @Test
    void retriesWhenWeChatIsBusyAndSendsOnALaterAttempt() {
        EnterpriseProfile profile = enterprise(true, true, false);
        String openId = profile.contacts().wechatOpenId();
        wechatAnswers(openId, "{\"errcode\":-1,\"errmsg\":\"system error rid: 6385f1a2-2d3e4f5a-6b7c8d9e\"}");

        Campaign campaign = run(List.of(Channel.WECHAT, Channel.SMS));

        Map<String, Object> waiting = row(campaign, Channel.WECHAT);
        assertThat(waiting).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat((String) waiting.get("LAST_ERROR")).contains("-1");
        assertThat(PushServers.TWILIO.sent()).as("no fallback for a passing error").isEmpty();
        int busyAnswers = templateSends(openId);
        assertThat(busyAnswers).isPositive();

        PushServers.reset();
        clock.advance(Duration.ofSeconds(16)); // base 10 s, +50 % jitter at most
        campaign = again(campaign);

        assertThat(templateSends(openId)).isEqualTo(1);
        assertThat(row(campaign, Channel.WECHAT)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
        assertThat(PushServers.TWILIO.sent()).isEmpty();
        assertThat(campaign.funnel().sent()).isEqualTo(1);
    }

    @Test
    void waitsTheLongerThrottledBackoffWhenTheDailyQuotaIsReached() {
        EnterpriseProfile profile = enterprise(true, false, false);
        String openId = profile.contacts().wechatOpenId();
        wechatAnswers(openId, "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit rid: 6385f1a2-3e4f5a6b-7c8d9e0f\"}");

        Campaign campaign = run(List.of(Channel.WECHAT));

        Map<String, Object> waiting = row(campaign, Channel.WECHAT);
        assertThat(waiting).containsEntry("STATUS", "PENDING");
        Instant due = ((OffsetDateTime) jdbc.queryForObject("select due_at from push_delivery where campaign_id = ?",
                OffsetDateTime.class, campaign.id())).toInstant();
        // throttled-base 2 min ±50 %, not the 10 s of an ordinary retry
        assertThat(due).isBetween(clock.instant().plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(templateSends(openId)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30));
        drain();
        assertThat(templateSends(openId)).as("not before its time").isEqualTo(1);

        PushServers.reset();
        clock.advance(Duration.ofMinutes(3));
        campaign = again(campaign);
        assertThat(templateSends(openId)).isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42001|access_token expired rid: 6385f1a2-4f5a6b7c-8d9e0f1a",
            "40001|invalid credential, access_token is invalid or not latest rid: 6385f1a2-5a6b7c8d-9e0f1a2b"})
    void fetchesANewAccessTokenWhenWeChatRejectsTheOldOneAndSendsOnce(int errcode, String errmsg) throws Exception {
        EnterpriseProfile profile = enterprise(true, false, false);
        String openId = profile.contacts().wechatOpenId();
        String stale = wechat.getAccessToken();
        String fresh = "ACCESS_TOKEN_AFTER_" + errcode;
        PushServers.WECHAT.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).atPriority(1)
                .willReturn(okJson("{\"access_token\":\"" + fresh + "\",\"expires_in\":7200}")));
        PushServers.WECHAT.stubFor(post(urlPathEqualTo(PushServers.WECHAT_SEND)).atPriority(1)
                .withQueryParam("access_token", equalTo(stale))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));

        Campaign campaign = run(List.of(Channel.WECHAT));
        if (campaign.funnel().sent() == 0) {
            clock.advance(Duration.ofSeconds(16));
            campaign = again(campaign);
        }

        assertThat(PushServers.WECHAT.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/token")))).as("token fetched again").hasSize(1);
        assertThat(PushServers.WECHAT.findAll(postRequestedFor(urlPathEqualTo(PushServers.WECHAT_SEND))
                .withQueryParam("access_token", equalTo(fresh)))).as("sent with the new token").hasSize(1);
        assertThat(templateSends(openId)).as("the stale try and the good one").isEqualTo(2);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
        assertThat(campaign.funnel().deadLetters()).isZero();
    }

    @Test
    void failsEmailForGoodAndFallsBackToSmsWhenTheServerRefusesTheMailboxWith550() {
        EnterpriseProfile profile = enterprise(false, true, true);
        SMTP.refuse(profile.contacts().email(), "550 5.1.1 <" + profile.contacts().email() + ">: Recipient address rejected: User unknown");

        Campaign campaign = run(List.of(Channel.EMAIL, Channel.SMS));
        clock.advance(Duration.ofHours(2));
        campaign = again(campaign);

        assertThat(SMTP.attempts(profile.contacts().email())).as("never tried again").isEqualTo(1);
        assertThat(SMTP.accepted()).isEmpty();
        assertThat((String) row(campaign, Channel.EMAIL).get("LAST_ERROR")).contains("550").doesNotContain(profile.contacts().email());
        assertThat(PushServers.TWILIO.sent()).hasSize(1);
        assertThat(campaign.funnel().failed()).isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
    }

    @Test
    void retriesEmailRefusedWith451AndDeadLettersItAfterTheLastAttempt() {
        EnterpriseProfile profile = enterprise(false, false, true);
        String mailbox = profile.contacts().email();
        SMTP.refuse(mailbox, "451 4.3.0 <" + mailbox + ">: Temporary lookup failure");

        Campaign campaign = run(List.of(Channel.EMAIL));
        assertThat(row(campaign, Channel.EMAIL)).containsEntry("STATUS", "PENDING");
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofHours(2));
            drain();
        }
        campaigns.tick();
        Campaign done = campaigns.find(campaign.id());

        assertThat(SMTP.attempts(mailbox)).isEqualTo(5);
        assertThat(done.funnel().deadLetters()).isEqualTo(1);
        assertThat(campaigns.deadLetters(10)).filteredOn(d -> d.campaignId() == campaign.id()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("451"));

        // staff put it back the next day (the five refused attempts used up the address's 5 emails of the day)
        SMTP.clear();
        clock.set("2026-11-24T10:00");
        campaigns.retry(campaigns.deadLetters(10).stream().filter(d -> d.campaignId() == campaign.id()).findFirst()
                .orElseThrow().deliveryId(), "editor1");
        clock.advance(Duration.ofMinutes(1));
        drain();
        assertThat(SMTP.accepted()).containsExactly(mailbox);
    }

    @Test
    void sendsABurstOfEmailsOverOneConnectionAndClassifiesEachAnswerOnItsOwn() {
        EnterpriseProfile first = enterprise(false, false, true);
        EnterpriseProfile refused = enterprise(false, false, true);
        EnterpriseProfile third = enterprise(false, false, true);
        SMTP.refuse(refused.contacts().email(), "550 5.1.1 <" + refused.contacts().email() + ">: Recipient address rejected: User unknown");

        Campaign campaign = run(List.of(Channel.EMAIL));

        assertThat(SMTP.accepted()).containsExactlyInAnyOrder(first.contacts().email(), third.contacts().email());
        assertThat(SMTP.sessions()).as("one SMTP connection for the burst").isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(2);
        assertThat(campaign.funnel().failed()).isEqualTo(1);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.FINISHED);
    }
}
