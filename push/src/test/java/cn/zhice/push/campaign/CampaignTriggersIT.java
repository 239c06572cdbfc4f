package cn.zhice.push.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryPublished;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseNewlyEligible;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignKind;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.push.delivery.OutboxWorker;
import cn.zhice.testsupport.push.Enterprises;
import cn.zhice.testsupport.push.FakeKnowledgeBase;
import cn.zhice.testsupport.push.FakeTargeting;
import cn.zhice.testsupport.push.MutableClock;
import cn.zhice.testsupport.push.TwilioFake;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Campaigns nobody typed: first publication, newly eligible enterprises, and the one deadline reminder. */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CampaignTriggersIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PushServers.register(registry);
    }

    @Autowired ApplicationEventPublisher events;
    @Autowired CampaignService campaigns;
    @Autowired CampaignTriggers triggers;
    @Autowired OutboxWorker worker;
    @Autowired FakeKnowledgeBase knowledgeBase;
    @Autowired FakeTargeting targeting;
    @Autowired MutableClock clock;

    @BeforeEach
    void fresh() {
        PushServers.reset();
        targeting.clear();
        clock.set("2026-11-23T10:00");
    }

    List<Campaign> of(String policy) {
        return campaigns.list(500).stream().filter(c -> c.policyExternalId().equals(policy)).toList();
    }

    @Test
    void proposesACampaignForApprovalWhenAPolicyIsFirstPublishedAndSendsNothing() {
        knowledgeBase.publish("QH-POL-NEW", "新政策", null);
        targeting.add(Enterprises.profile(7001, Enterprises.mobile(7001), null, null));

        events.publishEvent(new EntryPublished("QH-POL-NEW", EntryKind.POLICY, 1, true));
        events.publishEvent(new EntryPublished("QH-POL-NEW", EntryKind.POLICY, 2, false));
        campaigns.tick();
        worker.dispatchOnce();

        assertThat(of("QH-POL-NEW")).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CampaignKind.NEW_POLICY);
            assertThat(c.status()).isEqualTo(CampaignStatus.PENDING_APPROVAL);
            assertThat(c.createdBy()).isEqualTo("system");
        });
        assertThat(PushServers.TWILIO.sent()).isEmpty();
    }

    @Test
    void collectsNewlyEligibleEnterprisesIntoOnePendingCampaignThatReachesOnlyThem() {
        knowledgeBase.publish("QH-POL-ELIG", "新认定奖励", null);
        EnterpriseProfile newly = Enterprises.profile(7101, Enterprises.mobile(7101), null, null);
        EnterpriseProfile other = Enterprises.profile(7102, Enterprises.mobile(7102), null, null);
        EnterpriseProfile second = Enterprises.profile(7103, Enterprises.mobile(7103), null, null);
        targeting.add(newly);
        targeting.add(other);
        targeting.add(second);

        events.publishEvent(new EnterpriseNewlyEligible(newly.uscc().value(), "QH-POL-ELIG", Eligibility.ELIGIBLE));
        events.publishEvent(new EnterpriseNewlyEligible(second.uscc().value(), "QH-POL-ELIG", Eligibility.LIKELY));
        events.publishEvent(new EnterpriseNewlyEligible(other.uscc().value(), "QH-POL-ELIG", Eligibility.NEEDS_DATA));
        campaigns.tick();
        worker.dispatchOnce();
        assertThat(PushServers.TWILIO.sent()).as("never an unapproved send").isEmpty();

        Campaign pending = of("QH-POL-ELIG").get(0);
        assertThat(of("QH-POL-ELIG")).hasSize(1);
        campaigns.approve(pending.id(), "reviewer1");
        campaigns.tick();
        worker.dispatchOnce();

        assertThat(PushServers.TWILIO.sent()).extracting(TwilioFake.Sms::to)
                .containsExactlyInAnyOrder("+86" + newly.contacts().mobile(), "+86" + second.contacts().mobile());
    }

    @Test
    void remindsEnterprisesThatReceivedAPolicyOnceBeforeItsDeadline() {
        knowledgeBase.publish("QH-POL-DUE", "即将截止的补贴", LocalDate.of(2026, 12, 10));
        EnterpriseProfile received = Enterprises.profile(7201, Enterprises.mobile(7201), null, null);
        targeting.add(received);
        Campaign notice = campaigns.create(new NewCampaign("QH-POL-DUE", List.of(Channel.SMS), null), "editor1");
        campaigns.approve(notice.id(), "reviewer1");
        campaigns.tick();
        worker.dispatchOnce();
        EnterpriseProfile later = Enterprises.profile(7202, Enterprises.mobile(7202), null, null);
        targeting.add(later);

        assertThat(triggers.remindDeadlines()).as("12-10 is 17 days away").isZero();
        clock.set("2026-12-03T09:00");
        assertThat(triggers.remindDeadlines()).isEqualTo(1);
        assertThat(triggers.remindDeadlines()).as("only one reminder per policy").isZero();
        campaigns.tick();
        worker.dispatchOnce();

        List<TwilioFake.Sms> sent = PushServers.TWILIO.sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).to()).isEqualTo("+86" + received.contacts().mobile());
        assertThat(sent.get(1).body()).contains("提醒", "2026年12月10日截止申报");
        assertThat(of("QH-POL-DUE")).anySatisfy(c -> assertThat(c.kind()).isEqualTo(CampaignKind.REMINDER));
    }
}
