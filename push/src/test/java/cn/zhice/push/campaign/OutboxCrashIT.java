package cn.zhice.push.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.push.delivery.OutboxWorker;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.MutableClock;
import cn.zhice.testsupport.push.TwilioFake;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "At most once, ever" under failure: a worker killed between the gateway's answer and its own bookkeeping, then a
 * new instance on the same database; and two instances sending one campaign at the same time on PostgreSQL. At the
 * gateway every recipient has exactly one message, and the funnel adds up.
 */
class OutboxCrashIT {

    static final String POLICY = "QH-POL-CRASH";

    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    String schema;

    @BeforeEach
    void reset() {
        PushServers.reset();
    }

    @AfterEach
    void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }

    ConfigurableApplicationContext instance(String db, String prefix, int recipients, Map<String, Object> extra) {
        Map<String, Object> properties = PushServers.properties(db, prefix);
        properties.put("zhice.push.worker.enabled", "true");
        properties.put("zhice.push.worker.batch-size", "40");
        properties.put("zhice.push.worker.poll-interval", "50ms");
        properties.put("zhice.push.limits.sms-per-second", "1000000");
        properties.put("spring.main.banner-mode", "off");
        properties.put("test.policy", POLICY);
        properties.put("test.recipients", recipients);
        properties.putAll(extra);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PushTestApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run();
        contexts.add(context);
        return context;
    }

    static long startCampaign(ConfigurableApplicationContext context) {
        CampaignService campaigns = context.getBean(CampaignService.class);
        Campaign campaign = campaigns.create(new NewCampaign(POLICY, List.of(Channel.SMS), null), "editor1");
        campaigns.approve(campaign.id(), "reviewer1");
        campaigns.tick();
        return campaign.id();
    }

    static int unsettled(ConfigurableApplicationContext context, long campaign) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from push_delivery where campaign_id = ? "
                + "and status in ('PENDING', 'SENDING')", Integer.class, campaign);
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static String threads() {
        StringBuilder dump = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("push-outbox")) {
                dump.append("\n").append(thread.getName()).append(" ").append(thread.getState());
                for (int i = 0; i < Math.min(25, stack.length); i++) {
                    dump.append("\n  at ").append(stack[i]);
                }
            }
        });
        return dump.toString();
    }

    void sendsEveryRecipientExactlyOnceAcrossAKilledWorker(String db, Map<String, Object> extra) throws Exception {
        int recipients = 200;
        String prefix = TestServices.uniquePrefix();
        ConfigurableApplicationContext first = instance(db, prefix, recipients, extra);
        OutboxWorker doomed = first.getBean(OutboxWorker.class);
        PushServers.TWILIO.afterSend(n -> {
            if (n == 70) {
                doomed.kill();
            }
        });
        long campaign = startCampaign(first);
        doomed.awaitTermination(Duration.ofSeconds(30));
        await(() -> !doomed.isRunning(), Duration.ofSeconds(30));
        int beforeCrash = PushServers.TWILIO.sent().size();
        int leftSending = first.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from push_delivery where campaign_id = ? and status = 'SENDING'", Integer.class, campaign);
        first.close();

        // The crashed rows' lease (2 minutes) has run out by the time the new instance looks at them. Its clock starts
        // there rather than jumping while its workers hold rows: a jump would expire leases they still hold, and another
        // dispatcher would take those rows over and find their limits just spent.
        Map<String, Object> fiveMinutesLater = new java.util.HashMap<>(extra);
        fiveMinutesLater.put("test.clock", "2026-11-23T10:05");
        ConfigurableApplicationContext second = instance(db, prefix, recipients, fiveMinutesLater);
        try {
            await(() -> unsettled(second, campaign) == 0, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError(second.getBean(JdbcTemplate.class).queryForList(
                    "select status, attempts, lease_until, due_at, count(*) from push_delivery group by status, attempts, lease_until, due_at") + " worker running "
                    + second.getBean(OutboxWorker.class).isRunning() + threads() + "\nlocks "
                    + (db.startsWith("jdbc:postgresql") ? second.getBean(JdbcTemplate.class).queryForList(
                            "select pid, state, query, xact_start from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()") : "")
                    + "\nexpired " + second.getBean(JdbcTemplate.class).queryForList("select id from push_delivery where status = 'SENDING' and lease_until < ?",
                            java.time.OffsetDateTime.ofInstant(second.getBean(MutableClock.class).instant(), java.time.ZoneOffset.UTC)).size(), e);
        }
        second.getBean(CampaignService.class).tick();

        List<TwilioFake.Sms> sent = PushServers.TWILIO.sent();
        Map<String, Long> perRecipient = sent.stream().collect(Collectors.groupingBy(TwilioFake.Sms::to, Collectors.counting()));
        assertThat(beforeCrash).as("the worker was killed mid-campaign").isBetween(70, recipients - 1);
        assertThat(leftSending).as("rows the crash left between the gateway call and the database update").isPositive();
        assertThat(perRecipient).hasSize(recipients);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
        Campaign done = second.getBean(CampaignService.class).find(campaign);
        assertThat(done.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(done.funnel().sent()).isEqualTo(recipients);
        assertThat(done.funnel().deadLetters()).isZero();
    }

    @Test
    void sendsEveryRecipientExactlyOnceAfterAWorkerIsKilledMidCampaignOnH2() throws Exception {
        sendsEveryRecipientExactlyOnceAcrossAKilledWorker("jdbc:h2:mem:crash-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Map.of());
    }

    @Test
    void sendsEveryRecipientExactlyOnceAfterAWorkerIsKilledMidCampaignOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestServices.postgresAvailable(), "PostgreSQL not reachable");
        schema = TestServices.createPostgresSchema();
        sendsEveryRecipientExactlyOnceAcrossAKilledWorker(TestServices.postgresUrl(schema),
                Map.of("spring.datasource.username", TestServices.POSTGRES_USER, "spring.datasource.password", ""));
    }

    @Test
    void twoInstancesSendOneCampaignTogetherWithoutDuplicatesOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestServices.postgresAvailable(), "PostgreSQL not reachable");
        schema = TestServices.createPostgresSchema();
        String db = TestServices.postgresUrl(schema);
        Map<String, Object> extra = Map.of("spring.datasource.username", TestServices.POSTGRES_USER, "spring.datasource.password", "",
                "zhice.push.worker.batch-size", "25");
        String prefix = TestServices.uniquePrefix();
        int recipients = 300;
        ConfigurableApplicationContext one = instance(db, prefix, recipients, extra);
        ConfigurableApplicationContext two = instance(db, prefix, recipients, extra);

        long campaign = startCampaign(one);
        await(() -> unsettled(one, campaign) == 0, Duration.ofSeconds(60));

        Map<String, Long> perRecipient = PushServers.TWILIO.sent().stream()
                .collect(Collectors.groupingBy(TwilioFake.Sms::to, Collectors.counting()));
        assertThat(perRecipient).hasSize(recipients);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
        assertThat(one.getBean(CampaignService.class).find(campaign).funnel().sent()).isEqualTo(recipients);
        assertThat(two.getBean(OutboxWorker.class).isRunning()).isTrue();
    }
}
