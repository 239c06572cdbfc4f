package cn.zhice.push.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.testsupport.push.Enterprises;
import cn.zhice.testsupport.push.FakeKnowledgeBase;
import cn.zhice.testsupport.push.FakeTargeting;
import cn.zhice.testsupport.push.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Planning in chunks under a lease: a crash mid-way is resumed by the next planner without planning anyone twice. */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CampaignPlanningIT {

    static final AtomicInteger POLICY = new AtomicInteger();
    static final AtomicInteger ENTERPRISE = new AtomicInteger(100_000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PushServers.register(registry);
    }

    @Autowired CampaignService campaigns;
    @Autowired CampaignStore store;
    @Autowired FakeKnowledgeBase knowledgeBase;
    @Autowired FakeTargeting targeting;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    String policy;

    @BeforeEach
    void fresh() {
        targeting.clear();
        clock.set("2026-12-05T10:00");
        policy = "QH-POL-PLAN" + POLICY.incrementAndGet();
        knowledgeBase.publish(policy, "中小企业数字化转型补助", LocalDate.of(2026, 12, 31));
    }

    long approvedCampaign(int enterprises) {
        for (int i = 0; i < enterprises; i++) {
            int n = ENTERPRISE.incrementAndGet();
            targeting.add(Enterprises.profile(n, Enterprises.mobile(n), null, null));
        }
        Campaign campaign = campaigns.create(new NewCampaign(policy, List.of(Channel.SMS), null), "editor1");
        campaigns.approve(campaign.id(), "reviewer1");
        return campaign.id();
    }

    int rows(long campaign) {
        return jdbc.queryForObject("select count(*) from push_delivery where campaign_id = ?", Integer.class, campaign);
    }

    int enterprises(long campaign) {
        return jdbc.queryForObject("select count(distinct uscc) from push_delivery where campaign_id = ?", Integer.class, campaign);
    }

    @Test
    void resumesPlanningAfterACrashMidwayWithoutPlanningAnyEnterpriseTwice() {
        long campaign = approvedCampaign(5_000);
        targeting.failAfter(3_000);

        campaigns.tick();

        assertThat(rows(campaign)).as("the first chunk was committed before the crash").isEqualTo(CampaignService.PLANNING_CHUNK);
        assertThat(campaigns.find(campaign).status()).as("sending may start, but it cannot finish").isEqualTo(CampaignStatus.RUNNING);
        targeting.failAfter(-1);
        campaigns.tick();
        assertThat(rows(campaign)).as("the crashed planner's lease still runs: nobody takes over yet")
                .isEqualTo(CampaignService.PLANNING_CHUNK);

        clock.advance(Duration.ofMinutes(3));
        campaigns.tick();

        assertThat(rows(campaign)).isEqualTo(5_000);
        assertThat(enterprises(campaign)).isEqualTo(5_000);
        assertThat(jdbc.queryForObject("select count(*) from push_campaign where id = ? and planning_until is null",
                Integer.class, campaign)).as("planning ended").isEqualTo(1);
        assertThat(campaigns.find(campaign).funnel().targeted()).isEqualTo(5_000);
    }

    @Test
    void aRunningCampaignDoesNotFinishWhilePlanningIsIncomplete() {
        long campaign = approvedCampaign(2_500);
        targeting.failAfter(2_100);
        campaigns.tick();
        jdbc.update("update push_delivery set status = 'SENT' where campaign_id = ?", campaign);

        campaigns.tick();

        assertThat(campaigns.find(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        targeting.failAfter(-1);
        clock.advance(Duration.ofMinutes(3));
        campaigns.tick();
        jdbc.update("update push_delivery set status = 'SENT' where campaign_id = ?", campaign);
        campaigns.tick();
        assertThat(enterprises(campaign)).isEqualTo(2_500);
        assertThat(campaigns.find(campaign).status()).isEqualTo(CampaignStatus.FINISHED);
    }

    @Test
    void aPlannerWhoseLeaseWasTakenOverCommitsNothingMore() {
        long campaign = approvedCampaign(1);

        assertThat(store.lease(campaign, "first", clock.instant().plusSeconds(120))).isTrue();
        assertThat(store.lease(campaign, "second", clock.instant().plusSeconds(120))).as("the lease runs").isFalse();
        clock.advance(Duration.ofMinutes(3));
        assertThat(store.lease(campaign, "second", clock.instant().plusSeconds(120))).as("ran out: taken over").isTrue();

        assertThat(store.renew(campaign, "first", clock.instant().plusSeconds(120))).isFalse();
        assertThat(store.planned(campaign, "first")).isFalse();
        assertThat(store.renew(campaign, "second", clock.instant().plusSeconds(120))).isTrue();
        assertThat(store.planned(campaign, "second")).isTrue();
        assertThat(store.lease(campaign, "third", clock.instant().plus(Duration.ofHours(1)))).as("planned: nothing to take").isFalse();
    }
}
