package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox's statements on both databases: claiming, the "ever reached" look-up and the multi-row status change. */
class OutboxIT {

    ConfigurableApplicationContext context;
    String schema;
    Outbox outbox;
    JdbcTemplate jdbc;
    TransactionTemplate tx;
    MutableClock clock;
    long campaign;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }

    void start(String db) {
        Map<String, Object> properties;
        if (db.equals("postgres")) {
            Assumptions.assumeTrue(TestServices.postgresAvailable(), "PostgreSQL not reachable");
            schema = TestServices.createPostgresSchema();
            properties = PushServers.properties(TestServices.postgresUrl(schema), TestServices.uniquePrefix());
            properties.put("spring.datasource.username", TestServices.POSTGRES_USER);
            properties.put("spring.datasource.password", "");
        } else {
            properties = PushServers.properties("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    TestServices.uniquePrefix());
        }
        properties.put("spring.main.banner-mode", "off");
        context = new SpringApplicationBuilder(PushTestApplication.class).web(WebApplicationType.NONE).properties(properties).run();
        outbox = context.getBean(Outbox.class);
        jdbc = context.getBean(JdbcTemplate.class);
        tx = context.getBean("pushTransactions", TransactionTemplate.class);
        clock = context.getBean(MutableClock.class);
        jdbc.update("insert into push_campaign (policy_external_id, channels, kind, status, created_by, created_at) "
                + "values ('QH-POL-OUTBOX', 'SMS,EMAIL', 'MANUAL', 'RUNNING', 'editor1', ?)", outbox.now());
        campaign = jdbc.queryForObject("select max(id) from push_campaign", Long.class);
    }

    void plan(int enterprises, Channel channel, Instant due) {
        List<Outbox.Planned> rows = new ArrayList<>();
        for (int i = 0; i < enterprises; i++) {
            rows.add(new Outbox.Planned(campaign, "QH-POL-OUTBOX", String.format("913301060000%05d", i) + channel.ordinal(),
                    channel, DeliveryKind.NOTICE, "ELIGIBLE", due.minusSeconds(enterprises - i), null, null));
        }
        outbox.insert(rows);
    }

    List<Delivery> claim(int limit) {
        return tx.execute(status -> outbox.claimDue(limit));
    }

    Map<Long, String> statuses() {
        return jdbc.queryForList("select id, status, provider_id from push_delivery").stream().collect(Collectors.toMap(
                row -> ((Number) row.get("id")).longValue(), row -> row.get("status") + ":" + row.get("provider_id")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void claimsTheOldestDueRowsFirstAndNothingNotYetDue(String db) {
        start(db);
        plan(30, Channel.SMS, clock.instant().minusSeconds(100));
        plan(5, Channel.EMAIL, clock.instant().plus(Duration.ofHours(1)));

        List<Delivery> first = claim(10);
        List<Delivery> all = claim(100);

        assertThat(first).extracting(Delivery::uscc).containsExactlyElementsOf(
                all.subList(0, 10).stream().map(Delivery::uscc).toList());
        assertThat(first.get(0).uscc()).isEqualTo("91330106000000000" + Channel.SMS.ordinal());
        assertThat(all).hasSize(30).allMatch(row -> row.channel() == Channel.SMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void marksExactlyTheSendingRowsItIsGivenAsSent(String db) {
        start(db);
        plan(1_200, Channel.SMS, clock.instant());
        List<Delivery> rows = claim(1_200);
        List<Delivery> sending = rows.subList(0, 1_100);
        tx.executeWithoutResult(status -> outbox.markSending(sending, clock.instant().plusSeconds(120), List.of()));
        List<Outbox.Change> sent = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            sent.add(new Outbox.Change.Sent(sending.get(i).id(), "SM" + i));
        }
        // a row that never was SENDING stays as it is, even when named
        sent.add(new Outbox.Change.Sent(rows.get(1_150).id(), "SMnever"));

        tx.executeWithoutResult(status -> outbox.apply(sent));

        Map<Long, String> after = statuses();
        for (int i = 0; i < rows.size(); i++) {
            String expected = i < 1_050 ? "SENT:SM" + i : i < 1_100 ? "SENDING:null" : "PENDING:null";
            assertThat(after.get(rows.get(i).id())).as("row %d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void findsSentRowsByProviderIdAlsoWhenTheReportCameFirst(String db) {
        start(db);
        plan(4, Channel.SMS, clock.instant());
        List<Delivery> rows = claim(4);
        tx.executeWithoutResult(status -> outbox.markSending(rows, clock.instant().plusSeconds(120), List.of()));
        // the gateway's delivery report for row 3 arrives before the worker wrote SENT
        assertThat(outbox.delivered(rows.get(3).id(), "SMreport3")).isTrue();

        tx.executeWithoutResult(status -> outbox.apply(List.of(new Outbox.Change.Sent(rows.get(0).id(), "SMsent0"),
                new Outbox.Change.Sent(rows.get(1).id(), null), new Outbox.Change.Sent(rows.get(3).id(), "SMsent3"))));
        assertThat(outbox.delivered(rows.get(0).id(), "SMsent0")).isTrue();

        assertThat(outbox.byProviderId("SMsent0")).map(Delivery::id).contains(rows.get(0).id());
        assertThat(outbox.byProviderId("SMreport3")).map(Delivery::id).contains(rows.get(3).id());
        assertThat(outbox.byProviderId("SMsent3")).isEmpty();
        assertThat(outbox.byProviderId("SMnever")).isEmpty();
        assertThat(statuses()).containsEntry(rows.get(0).id(), "DELIVERED:SMsent0").containsEntry(rows.get(1).id(), "SENT:null")
                .containsEntry(rows.get(2).id(), "SENDING:null").containsEntry(rows.get(3).id(), "DELIVERED:SMreport3");
        assertThat(jdbc.queryForObject("select count(*) from push_provider_message", Integer.class)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void findsWhatAlreadyReachedAnEnterpriseOnTheSameChannelOnly(String db) {
        start(db);
        plan(3, Channel.SMS, clock.instant());
        plan(3, Channel.EMAIL, clock.instant());
        List<Delivery> rows = claim(10);
        List<Delivery> sms = rows.stream().filter(row -> row.channel() == Channel.SMS).toList();
        List<Delivery> reached = List.of(sms.get(0), sms.get(2));
        tx.executeWithoutResult(status -> outbox.markSending(reached, clock.instant().plusSeconds(120), reached));

        Map<Long, Long> by = outbox.reachedBy(rows);

        assertThat(by).containsOnly(Map.entry(sms.get(0).id(), sms.get(0).id()), Map.entry(sms.get(2).id(), sms.get(2).id()));
    }
}
