package cn.zhice.push.campaign;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignPreview;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.Funnel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.push.SelfApproval;
import cn.zhice.push.Suppression;
import cn.zhice.push.TemplateSendJobFinished;
import cn.zhice.push.WeChatTemplateReports;
import cn.zhice.push.delivery.OptOuts;
import cn.zhice.push.delivery.OutboxWorker;
import cn.zhice.testsupport.push.Enterprises;
import cn.zhice.testsupport.push.FakeKnowledgeBase;
import cn.zhice.testsupport.push.FakeTargeting;
import cn.zhice.testsupport.push.MutableClock;
import cn.zhice.testsupport.push.TwilioFake;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Campaigns end to end inside the push module: approval, planning, the outbox worker against WireMock (Twilio and
 * WeChat) and GreenMail, limits in the real Redis, and the funnel.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CampaignDeliveryIT {

    static final AtomicInteger POLICY = new AtomicInteger();
    static final AtomicInteger ENTERPRISE = new AtomicInteger(1000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PushServers.register(registry);
        registry.add("zhice.push.retry.base", () -> "10s");
    }

    @Autowired CampaignService campaigns;
    @Autowired OutboxWorker worker;
    @Autowired FakeKnowledgeBase knowledgeBase;
    @Autowired FakeTargeting targeting;
    @Autowired MutableClock clock;
    @Autowired OptOuts optOuts;
    @Autowired WeChatTemplateReports wechatReports;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    String policy;

    @BeforeEach
    void fresh() {
        PushServers.reset();
        targeting.clear();
        clock.set("2026-11-23T10:00");
        policy = "QH-POL-T" + POLICY.incrementAndGet();
        knowledgeBase.publish(policy, "高新技术企业认定奖励", LocalDate.of(2026, 12, 31));
    }

    EnterpriseProfile enterprise(boolean wechat, boolean sms, boolean email) {
        int n = ENTERPRISE.incrementAndGet();
        EnterpriseProfile profile = Enterprises.profile(n, sms ? Enterprises.mobile(n) : null,
                email ? "boss" + n + "@example.com" : null, wechat ? "oOPENID" + n : null);
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

    void drain() {
        for (int i = 0; i < 20 && worker.dispatchOnce() > 0; i++) {
            // each round claims one batch
        }
    }

    @Test
    void sendsEachEnterpriseOneMessageOnItsFirstConsentedChannel() throws Exception {
        EnterpriseProfile both = enterprise(true, true, false);
        EnterpriseProfile smsOnly = enterprise(false, true, false);
        EnterpriseProfile emailOnly = enterprise(false, false, true);
        enterprise(false, false, false);

        Campaign campaign = run(List.of(Channel.WECHAT, Channel.SMS, Channel.EMAIL));

        PushServers.WECHAT.verify(1, postRequestedFor(urlPathEqualTo(PushServers.WECHAT_SEND))
                .withRequestBody(matchingJsonPath("$.touser", com.github.tomakehurst.wiremock.client.WireMock.equalTo(both.contacts().wechatOpenId())))
                .withRequestBody(matchingJsonPath("$.template_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("TPL-policy-notice"))));
        List<TwilioFake.Sms> sms = PushServers.TWILIO.sent();
        assertThat(sms).extracting(TwilioFake.Sms::to).containsExactly("+86" + smsOnly.contacts().mobile());
        assertThat(sms.get(0).body()).startsWith("【知策】").contains("高新技术企业认定奖励", PushServers.PUBLIC_URL + "/p/")
                .endsWith("拒收请回复R");
        assertThat(sms.get(0).statusCallback()).startsWith(PushServers.PUBLIC_URL + "/api/push/sms/status?d=");
        MimeMessage[] mails = PushServers.MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(emailOnly.contacts().email());

        assertThat(campaign.status()).isEqualTo(CampaignStatus.FINISHED);
        Funnel funnel = campaign.funnel();
        assertThat(funnel.targeted()).isEqualTo(4);
        assertThat(funnel.sent()).isEqualTo(3);
        assertThat(funnel.pending()).isZero();
        // smsOnly skipped WeChat, emailOnly skipped WeChat and SMS, the fourth consented to nothing
        assertThat(funnel.suppressed().get(Suppression.NO_CONSENT)).isEqualTo(1 + 2 + 3);
    }

    @Test
    void sendsEmailWithHtmlAndTextPartsAndOneClickUnsubscribe() throws Exception {
        enterprise(false, false, true);

        run(List.of(Channel.EMAIL));

        MimeMessage mail = PushServers.MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("政策通知：高新技术企业认定奖励");
        assertThat(mail.getFrom()[0].toString()).contains("policy@qinghe.example.gov.cn");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<" + PushServers.PUBLIC_URL + "/api/push/unsubscribe/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(part(mail, "text/plain")).contains("推送依据", "注册地在滨江市青禾区", "/p/", "退订");
        assertThat(part(mail, "text/html")).contains("<a href=\"" + PushServers.PUBLIC_URL + "/p/", "一键退订");
    }

    /** The first body part of a content type anywhere in the MIME tree. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void previewCountsTargetsSuppressionsAndRendersEveryChannel() {
        enterprise(true, true, true);
        enterprise(false, true, false);
        enterprise(false, false, false);
        Campaign created = campaigns.create(new NewCampaign(policy, List.of(Channel.WECHAT, Channel.SMS), null), "editor1");

        CampaignPreview preview = campaigns.preview(created.id());

        assertThat(preview.targeted()).isEqualTo(3);
        assertThat(preview.byChannel()).containsEntry(Channel.WECHAT, 1).containsEntry(Channel.SMS, 1);
        assertThat(preview.suppressed()).containsEntry(Suppression.NO_CONSENT, 1);
        assertThat(preview.sample()).hasSize(3);
        assertThat(preview.sample().get(0).contact()).doesNotContain("OPENID");
        assertThat(preview.sample().get(1).contact()).matches("139\\*{6}\\d\\d");
        assertThat(preview.sample().get(0).reasons()).contains("注册地在滨江市青禾区（满足）");
        assertThat(preview.messages().get(Channel.SMS).text()).endsWith("拒收请回复R");
        assertThat(preview.messages().get(Channel.WECHAT).text()).contains("高新技术企业认定奖励");
        assertThat(PushServers.TWILIO.sent()).isEmpty();
    }

    @Test
    void refusesToLetTheCreatorApproveTheirOwnCampaign() {
        Campaign created = campaigns.create(new NewCampaign(policy, List.of(Channel.SMS), null), "editor1");

        assertThatThrownBy(() -> campaigns.approve(created.id(), "editor1")).isInstanceOf(SelfApproval.class);
        assertThat(campaigns.find(created.id()).status()).isEqualTo(CampaignStatus.PENDING_APPROVAL);
    }

    @Test
    void sendsNothingBeforeApproval() {
        enterprise(false, true, false);
        Campaign created = campaigns.create(new NewCampaign(policy, List.of(Channel.SMS), null), "editor1");

        campaigns.tick();
        drain();

        assertThat(PushServers.TWILIO.sent()).isEmpty();
        assertThat(campaigns.find(created.id()).funnel().targeted()).isZero();
    }

    @Test
    void fallsBackToEmailWhenTheGatewaySaysTheNumberIsInvalid() {
        EnterpriseProfile profile = enterprise(false, true, true);
        TwilioFake.reject(PushServers.SMS, "+86" + profile.contacts().mobile(), 400, 21211,
                "The 'To' number +86" + profile.contacts().mobile() + " is not a valid phone number.");

        Campaign campaign = run(List.of(Channel.SMS, Channel.EMAIL));

        assertThat(PushServers.MAIL.getReceivedMessages()).hasSize(1);
        assertThat(campaign.funnel().failed()).isEqualTo(1);
        assertThat(campaign.funnel().sent()).isEqualTo(1);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void recordsAnOptOutReportedByTheGatewayAndFallsBack() {
        EnterpriseProfile profile = enterprise(false, true, true);
        TwilioFake.reject(PushServers.SMS, "+86" + profile.contacts().mobile(), 400, 21610,
                "Attempt to send to unsubscribed recipient");

        Campaign campaign = run(List.of(Channel.SMS, Channel.EMAIL));

        assertThat(optOuts.isOptedOut(Channel.SMS, profile.contacts().mobile())).isTrue();
        assertThat(campaign.funnel().suppressed().get(Suppression.OPTED_OUT)).isEqualTo(1);
        assertThat(PushServers.MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithBackoffThenDeadLettersAfterTheLastAttempt() {
        EnterpriseProfile profile = enterprise(false, true, false);
        TwilioFake.reject(PushServers.SMS, "+86" + profile.contacts().mobile(), 503, 20500, "Internal Server Error");

        Campaign campaign = run(List.of(Channel.SMS));
        assertThat(campaign.funnel().pending()).isEqualTo(1);
        for (int attempt = 2; attempt <= 5; attempt++) {
            clock.advance(Duration.ofHours(2));
            drain();
        }
        campaigns.tick();

        Campaign done = campaigns.find(campaign.id());
        assertThat(PushServers.SMS.findAll(postRequestedFor(urlPathEqualTo(TwilioFake.MESSAGES)))).hasSize(5);
        assertThat(done.funnel().deadLetters()).isEqualTo(1);
        assertThat(done.status()).isEqualTo(CampaignStatus.FINISHED);
        var dead = campaigns.deadLetters(10).stream().filter(d -> d.campaignId() == campaign.id()).toList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("DEAD");
            assertThat(d.attempts()).isEqualTo(5);
            assertThat(d.reason()).contains("20500");
        });

        PushServers.reset();
        campaigns.retry(dead.get(0).deliveryId(), "reviewer1");
        clock.advance(Duration.ofMinutes(2));
        drain();
        campaigns.tick();
        assertThat(PushServers.TWILIO.sent()).hasSize(1);
        assertThat(campaigns.find(campaign.id()).funnel().sent()).isEqualTo(1);
    }

    @Test
    void defersSmsDuringQuietHoursAndSendsAtEight() {
        enterprise(false, true, false);
        clock.set("2026-11-23T22:30");

        Campaign campaign = run(List.of(Channel.SMS));

        assertThat(PushServers.TWILIO.sent()).isEmpty();
        assertThat(campaign.funnel().suppressed().get(Suppression.QUIET_HOURS_DEFERRED)).isEqualTo(1);
        assertThat(campaign.funnel().pending()).isEqualTo(1);

        clock.set("2026-11-24T07:59");
        drain();
        assertThat(PushServers.TWILIO.sent()).isEmpty();
        clock.set("2026-11-24T08:00");
        drain();
        assertThat(PushServers.TWILIO.sent()).hasSize(1);
    }

    @Test
    void neverSendsTheSamePolicyTwiceToAnEnterpriseOnAChannel() {
        enterprise(false, true, false);
        run(List.of(Channel.SMS));

        Campaign again = run(List.of(Channel.SMS));

        assertThat(PushServers.TWILIO.sent()).hasSize(1);
        assertThat(again.funnel().suppressed().get(Suppression.ALREADY_RECEIVED)).isEqualTo(1);
        assertThat(again.funnel().sent()).isZero();
    }

    @Test
    void holdsASecondSmsWithinTheSameMinuteUntilTheLimitFreesUp() {
        enterprise(false, true, false);
        run(List.of(Channel.SMS));
        policy = policy + "-B";
        knowledgeBase.publish(policy, "科技型中小企业研发费用补助", null);

        Campaign second = run(List.of(Channel.SMS));

        assertThat(PushServers.TWILIO.sent()).hasSize(1);
        assertThat(second.funnel().pending()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        drain();
        assertThat(PushServers.TWILIO.sent()).hasSize(2);
    }

    @Test
    void countsDeliveryReportedByWeChat() {
        enterprise(true, false, false);
        Campaign campaign = run(List.of(Channel.WECHAT));
        assertThat(campaign.funnel().delivered()).isZero();

        long msgId = jdbc.queryForObject("select provider_id from push_delivery where campaign_id = ?", Long.class, campaign.id());
        wechatReports.jobFinished(new TemplateSendJobFinished(msgId, "any", "success"));
        wechatReports.jobFinished(new TemplateSendJobFinished(msgId, "any", "success"));

        Funnel funnel = campaigns.find(campaign.id()).funnel();
        assertThat(funnel.delivered()).isEqualTo(1);
        assertThat(funnel.sent()).isEqualTo(1);
    }
}
