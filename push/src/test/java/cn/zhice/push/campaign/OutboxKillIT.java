package cn.zhice.push.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushServers;
import cn.zhice.push.PushTestApplication;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.TwilioFake;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "At most once, ever" against a real crash: the worker runs in a JVM of its own and is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) while messages are with the gateway, so nothing of it gets to run — no finally
 * block, no shutdown hook, no half-written batch flushed. A new process then settles the campaign: every recipient has
 * exactly one message at the gateway, on PostgreSQL and on an H2 file database.
 */
class OutboxKillIT {

    static final String POLICY = "QH-POL-KILL";
    static final int RECIPIENTS = 400;
    /** The worker processes' output, kept after the run for a look at what they did. */
    static final Path LOGS = Path.of("target", "outbox-kill-it");

    final List<Process> processes = new ArrayList<>();
    final Map<Process, Path> logs = new java.util.HashMap<>();
    ConfigurableApplicationContext staff;
    String schema;
    @TempDir
    Path temp;

    @BeforeEach
    void reset() {
        PushServers.reset();
    }

    @AfterEach
    void close() {
        processes.forEach(Process::destroyForcibly);
        if (staff != null) {
            staff.close();
        }
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void sendsEveryRecipientExactlyOnceAfterTheWorkerProcessIsKilledOnPostgres() throws Exception {
        Assumptions.assumeTrue(TestServices.postgresAvailable(), "PostgreSQL not reachable");
        schema = TestServices.createPostgresSchema();
        sendsExactlyOnceAcrossASigkill("postgres", TestServices.postgresUrl(schema),
                Map.of("spring.datasource.username", TestServices.POSTGRES_USER, "spring.datasource.password", ""));
    }

    @Test
    void sendsEveryRecipientExactlyOnceAfterTheWorkerProcessIsKilledOnAnH2File() throws Exception {
        // WRITE_DELAY=0: a commit is on disk when it returns (H2 otherwise writes commits up to 500 ms later, and a
        // killed process loses them: SENDING marks vanish and their messages go out again); DB_CLOSE_ON_EXIT=FALSE: H2
        // stays open until the worker has written its last outcomes on a regular shutdown
        sendsExactlyOnceAcrossASigkill("h2", "jdbc:h2:file:" + temp.resolve("zhice").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                Map.of("spring.datasource.username", "sa", "spring.datasource.password", ""));
    }

    void sendsExactlyOnceAcrossASigkill(String label, String db, Map<String, Object> extra) throws Exception {
        Map<String, Object> properties = PushServers.properties(db, TestServices.uniquePrefix());
        properties.put("zhice.push.limits.sms-per-second", "1000000");
        properties.put("zhice.push.worker.batch-size", "20");
        properties.put("zhice.push.worker.senders", "8");
        properties.put("zhice.push.worker.poll-interval", "50ms");
        properties.put("test.policy", POLICY);
        properties.put("test.recipients", RECIPIENTS);
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(extra);

        // staff create and approve the campaign; its rows are planned here, the sending happens elsewhere
        long campaign = plan(properties);
        // the gateway answers the first quarter, then takes every further message without answering until the worker
        // is dead: however the machine schedules the two processes, the kill finds messages the gateway has and the
        // worker never heard back about
        int answered = RECIPIENTS / 4;
        CountDownLatch killed = new CountDownLatch(1);
        PushServers.TWILIO.afterSend(n -> {
            if (n > answered) {
                awaitQuietly(killed);
            } else {
                pause(4);
            }
        });

        // while a worker process runs, this JVM stays away from the database: an H2 file lives inside that process
        Process doomed = start(properties, label + "-first", "2026-11-23T10:00");
        await(() -> PushServers.TWILIO.sent().size() > answered, Duration.ofSeconds(40), doomed);
        doomed.destroyForcibly();
        assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).as("the worker process died").isTrue();
        assertThat(doomed.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        PushServers.TWILIO.afterSend(n -> { });
        killed.countDown();
        int beforeKill = PushServers.TWILIO.sent().size();
        Map<String, Integer> atKill = statuses(properties, campaign);

        // five minutes later by the campaign's clock: the dead worker's leases (2 minutes) have run out
        Process second = start(properties, label + "-second", "2026-11-23T10:05");
        await(() -> recipients() == RECIPIENTS, Duration.ofSeconds(40), second);
        // then a regular shutdown (SIGTERM), which lets the worker write the outcomes of what it sent
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the second worker stopped; see " + LOGS).isTrue();
        Map<String, Integer> atEnd = statuses(properties, campaign);

        // the gateway's own record of what it accepted: a held request reaches it before WireMock journals the exchange
        Map<String, Long> perRecipient = PushServers.TWILIO.sent().stream()
                .collect(Collectors.groupingBy(TwilioFake.Sms::to, Collectors.counting()));
        assertThat(beforeKill).as("killed mid-campaign").isBetween(answered + 1, RECIPIENTS - 1);
        assertThat(atKill.getOrDefault("SENDING", 0))
                .as("rows the kill left between the gateway call and the bookkeeping: " + atKill).isPositive();
        assertThat(perRecipient).as("recipients with a message").hasSize(RECIPIENTS);
        assertThat(perRecipient.values()).as("messages per recipient").allMatch(count -> count == 1);
        assertThat(atEnd).as("every row settled").containsOnlyKeys("SENT");

        staff = context(properties, "2026-11-23T10:05");
        staff.getBean(CampaignService.class).tick();
        Campaign done = staff.getBean(CampaignService.class).find(campaign);
        assertThat(done.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(done.funnel().sent()).isEqualTo(RECIPIENTS);
        assertThat(done.funnel().deadLetters()).isZero();
    }

    long plan(Map<String, Object> properties) {
        try (ConfigurableApplicationContext context = context(properties, "2026-11-23T10:00")) {
            CampaignService campaigns = context.getBean(CampaignService.class);
            Campaign campaign = campaigns.create(new NewCampaign(POLICY, List.of(Channel.SMS), null), "editor1");
            campaigns.approve(campaign.id(), "reviewer1");
            campaigns.tick();
            return campaign.id();
        }
    }

    /** The module in this JVM with the worker off: what staff and the assertions use. */
    static ConfigurableApplicationContext context(Map<String, Object> properties, String clock) {
        return new SpringApplicationBuilder(PushTestApplication.class).web(WebApplicationType.NONE).properties(properties)
                .properties(Map.of("test.clock", clock, "zhice.push.worker.enabled", "false")).run();
    }

    static Map<String, Integer> statuses(Map<String, Object> properties, long campaign) {
        try (var connection = java.sql.DriverManager.getConnection((String) properties.get("spring.datasource.url"),
                (String) properties.getOrDefault("spring.datasource.username", "sa"),
                (String) properties.getOrDefault("spring.datasource.password", ""));
                var statement = connection.prepareStatement("select status, count(*) from push_delivery where campaign_id = ? group by status")) {
            statement.setLong(1, campaign);
            Map<String, Integer> counts = new java.util.TreeMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
            return counts;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JVM running {@link WorkerProcess} on this test's classpath, its output in a file next to the test's. */
    Process start(Map<String, Object> properties, String name, String clock) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName()));
        Map<String, Object> arguments = new java.util.LinkedHashMap<>(properties);
        arguments.put("zhice.push.worker.enabled", "true");
        arguments.put("test.clock", clock);
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(LOGS);
        File log = LOGS.resolve(name + "-worker.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(process);
        logs.put(process, log.toPath());
        return process;
    }

    void await(BooleanSupplier condition, Duration timeout, Process process) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(end)) {
                Path log = logs.get(process);
                String output = Files.exists(log) ? Files.readString(log) : "";
                throw new AssertionError((process.isAlive() ? "condition not met within " + timeout : "worker process exited")
                        + "\n" + output.substring(Math.max(0, output.length() - 4000)));
            }
            Thread.sleep(25);
        }
    }

    /** Distinct recipients the gateway has accepted a message for. */
    static long recipients() {
        return PushServers.TWILIO.sent().stream().map(TwilioFake.Sms::to).distinct().count();
    }

    /** Holds a gateway request until the worker that sent it is dead (at most a minute, so WireMock never hangs). */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
