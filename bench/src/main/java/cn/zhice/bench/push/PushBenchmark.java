package cn.zhice.bench.push;

import cn.zhice.push.Campaign;
import cn.zhice.push.Campaigns;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushProperties;
import cn.zhice.push.delivery.ClockTimeMeter;
import cn.zhice.push.delivery.ProviderQuotas;
import cn.zhice.push.delivery.RateLimits;
import cn.zhice.testsupport.RedisKeys;
import cn.zhice.testsupport.push.ScriptedSmtpServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A 100,000-recipient campaign end to end with every limit checked in Redis: the push module (outbox on H2 or
 * PostgreSQL, Bucket4j in the local Redis) against local stand-ins for the providers — the JDK's HTTP server answering
 * the Twilio-compatible gateway and WeChat's template API with their real success bodies ({@link HttpStandIn};
 * {@code --stand-in=wiremock} for WireMock, which the tests use and which took a fifth of the two cores here), a lean
 * SMTP server that accepts every message (GreenMail, used by the tests, delivers one message at a time and slows down
 * with every new mailbox). Then the limit check alone: latency and Redis commands per check.
 *
 * <p>With {@code --warmup=N} a campaign of N other recipients runs first in the same JVM and is reported on its own,
 * so the measured campaign shows the warm JVM (compiled code, filled pools) as well as the cold one.
 *
 * <pre>bench/run-push.sh [recipients] [h2|postgres] [--warmup=N] [--stand-in=wiremock] [--zhice.push.…=…]</pre>
 */
public final class PushBenchmark {

    private PushBenchmark() {}

    /**
     * The module and its fakes. Deliberately not a {@code @Configuration}: the app's tests have this module on their
     * classpath and must not pick it up by component scanning.
     */
    @EnableAutoConfiguration
    @EnableScheduling
    @ComponentScan("cn.zhice.push")
    static class Sources {

        @Bean
        Clock clock() {
            return Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        BenchFakes.Policies knowledgeBase() {
            return new BenchFakes.Policies();
        }

        @Bean
        BenchFakes.Targeting targeting() {
            return new BenchFakes.Targeting(Integer.getInteger("bench.recipients", 100_000), Integer.getInteger("bench.warmup", 0));
        }

        /** The account as the bot defines it: a settings bean, which push gives its connection pool. */
        @Bean
        me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl wechatAccount(
                @org.springframework.beans.factory.annotation.Value("${bench.wechat-url}") String url) {
            me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl account = new me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl();
            account.setAppId("wxbench");
            account.setSecret("bench-secret");
            me.chanjar.weixin.mp.config.WxMpHostConfig hosts = new me.chanjar.weixin.mp.config.WxMpHostConfig();
            hosts.setApiHost(url);
            hosts.setMpHost(me.chanjar.weixin.mp.config.WxMpHostConfig.MP_DEFAULT_HOST_URL);
            hosts.setOpenHost(me.chanjar.weixin.mp.config.WxMpHostConfig.OPEN_DEFAULT_HOST_URL);
            account.setHostConfig(hosts);
            return account;
        }

        @Bean
        me.chanjar.weixin.mp.api.WxMpService wechatService(me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl wechatAccount) {
            me.chanjar.weixin.mp.api.impl.WxMpServiceImpl service = new me.chanjar.weixin.mp.api.impl.WxMpServiceImpl();
            service.setWxMpConfigStorage(wechatAccount);
            return service;
        }
    }

    public static void main(String[] args) throws Exception {
        // each line as it is printed, so that a watcher (a profiler attached for the measured campaign) sees the phases
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8));
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String database = args.length > 1 ? args[1] : "h2";
        String redisUrl = System.getenv().getOrDefault("ZHICE_BENCH_REDIS_URL", "redis://127.0.0.1:6379");
        int warmup = 0;
        for (String arg : args) {
            if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring("--warmup=".length()));
            }
        }
        System.setProperty("bench.recipients", Integer.toString(recipients));
        System.setProperty("bench.warmup", Integer.toString(warmup));

        String standIn = "jdk";
        for (String arg : args) {
            if (arg.startsWith("--stand-in=")) {
                standIn = arg.substring("--stand-in=".length());
            }
        }
        Providers providers = "wiremock".equals(standIn) ? wireMock(Integer.getInteger("bench.wiremock-threads", 48)) : jdkStandIns();
        ScriptedSmtpServer mail = new ScriptedSmtpServer();
        AtomicLong smsCount = providers.sms();
        AtomicLong wechatCount = providers.wechat();

        String prefix = "zhice-bench:" + UUID.randomUUID() + ":";
        Map<String, Object> properties = new HashMap<>();
        String schema = null;
        if ("postgres".equals(database)) {
            schema = "zhice_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                connection.createStatement().execute("create schema " + schema);
            }
            properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:push-bench;DB_CLOSE_DELAY=-1");
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        properties.put("spring.data.redis.url", redisUrl);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        properties.put("zhice.push.key-prefix", prefix);
        properties.put("zhice.push.public-base-url", "https://zhice.example.gov.cn");
        properties.put("zhice.push.planning-interval", "200ms");
        properties.put("zhice.push.worker.dispatchers", "4");
        properties.put("zhice.push.worker.senders", "96");
        properties.put("zhice.push.worker.poll-interval", "100ms");
        properties.put("zhice.push.quiet-hours.enabled", "false");
        properties.put("zhice.push.limits.wechat-per-day", "1000000");
        properties.put("zhice.push.limits.sms-per-second", "100000");
        properties.put("zhice.push.limits.email-per-second", "100000");
        properties.put("zhice.push.wechat.template-id", "TPL-bench");
        properties.put("bench.wechat-url", providers.wechatUrl());
        properties.put("zhice.push.wechat.max-connections", "128");
        properties.put("zhice.sms.base-url", providers.smsUrl());
        properties.put("zhice.sms.account-sid", "ACbench");
        properties.put("zhice.sms.auth-token", "bench-token");
        properties.put("zhice.sms.from", "+15005550006");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", mail.port());
        properties.put("zhice.mail.from", "bench@qinghe.example.gov.cn");
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--warmup=") && !arg.startsWith("--stand-in=")) {
                properties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }

        try {
            String load = uptime();
            Histogram checks = limitChecks(redisUrl, prefix + "micro:");
            long[] roundTrips = roundTrips(redisUrl, prefix + "rt:");
            Counters counters = new Counters(wechatCount, smsCount, mail);

            ConfigurableApplicationContext context = new SpringApplicationBuilder(Sources.class).web(WebApplicationType.NONE)
                    .properties(properties).run();
            if (warmup > 0) {
                String warmLoad = uptime();
                Result warm = campaign(context, BenchFakes.WARMUP_POLICY, counters);
                System.out.printf("%n== warm-up: %,d recipients, %s (reported apart, not part of the result) ==%n", warmup, database);
                warm.print(warmLoad, uptime());
            }
            String measuredLoad = warmup > 0 ? uptime() : load;
            Result result = campaign(context, BenchFakes.POLICY, counters);
            String loadAfter = uptime();

            System.out.printf("%n== push benchmark: %,d recipients, %s, limits on, %s JVM, HTTP stand-ins: %s ==%n", recipients,
                    database, warmup > 0 ? "warm (after " + String.format("%,d", warmup) + " warm-up)" : "cold", standIn);
            result.print(measuredLoad, loadAfter);
            System.out.printf("limit check (provider quota + enterprise week + recipient windows), sequential, %,d checks: "
                    + "p50 %.0f µs, p99 %.0f µs, p99.9 %.0f µs%n", checks.getTotalCount(), checks.getValueAtPercentile(50) / 1.0,
                    checks.getValueAtPercentile(99) / 1.0, checks.getValueAtPercentile(99.9) / 1.0);
            System.out.printf("Redis commands per check: %.2f (first contact with a bucket: %.2f, limit already in Redis: %.2f)%n",
                    roundTrips[0] / (double) roundTrips[2], roundTrips[0] / (double) roundTrips[2], roundTrips[1] / (double) roundTrips[2]);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "push-bench-result.txt"), String.format(
                    "recipients=%d db=%s warmup=%d seconds=%.2f perSecond=%.0f cpuMsPer1000=%.0f jitSeconds=%.1f planning=%.2f plannedAll=%.2f p50=%d p99=%d p999=%d rt=%.2f/%.2f load=%s%n",
                    recipients, database, warmup, result.seconds(), result.perSecond(),
                    result.cpuSeconds() * 1e6 / Math.max(1, result.done().funnel().sent()), result.jitSeconds(), result.planning(),
                    result.plannedAll(), checks.getValueAtPercentile(50), checks.getValueAtPercentile(99), checks.getValueAtPercentile(99.9),
                    roundTrips[0] / (double) roundTrips[2], roundTrips[1] / (double) roundTrips[2], measuredLoad));
            context.close();
        } finally {
            providers.close().run();
            mail.close();
            System.out.printf("Redis: %,d keys of this run deleted%n", RedisKeys.deleteAll(redisUrl, prefix));
            if (schema != null) {
                try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                    connection.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
            }
        }
    }

    /** The HTTP providers' stand-ins: where they listen, what they received, how to stop them. */
    private record Providers(String smsUrl, String wechatUrl, AtomicLong sms, AtomicLong wechat, Runnable close) {}

    private static final String TWILIO_CREATED = "{\"account_sid\":\"ACbench\",\"api_version\":\"2010-04-01\",\"body\":\"...\","
            + "\"direction\":\"outbound-api\",\"error_code\":null,\"from\":\"+15005550006\",\"num_segments\":\"1\","
            + "\"sid\":\"SMbench0000000000000000000000000\",\"status\":\"queued\",\"to\":\"+8613900000000\"}";
    private static final String WECHAT_TOKEN = "{\"access_token\":\"BENCH_TOKEN\",\"expires_in\":7200}";
    private static final String WECHAT_SENT = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}";

    /**
     * The default: the JDK's HTTP server with eight threads per provider (see {@link HttpStandIn}), each message
     * answered with an id of its own as the real providers do.
     */
    private static Providers jdkStandIns() throws java.io.IOException {
        HttpStandIn sms = new HttpStandIn(8);
        AtomicLong smsCount = sms.answer("POST", path -> path.startsWith("/2010-04-01/Accounts/") && path.endsWith("/Messages.json"),
                201, n -> TWILIO_CREATED.replace("SMbench0000000000000000000000000", String.format("SM%032x", n)));
        HttpStandIn wechat = new HttpStandIn(8);
        wechat.answer("GET", "/cgi-bin/token"::equals, 200, n -> WECHAT_TOKEN);
        AtomicLong wechatCount = wechat.answer("POST", "/cgi-bin/message/template/send"::equals, 200,
                n -> WECHAT_SENT.replace("200228332", Long.toString(200228332L + n)));
        sms.start();
        wechat.start();
        return new Providers(sms.baseUrl(), wechat.baseUrl(), smsCount, wechatCount, () -> {
            sms.close();
            wechat.close();
        });
    }

    /** {@code --stand-in=wiremock}: WireMock as the tests use it, without gzip and request journal. */
    private static Providers wireMock(int threads) {
        // real providers may gzip their answers; WireMock compressing each tiny body only costs this machine's CPU
        WireMockServer sms = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(threads)
                .disableRequestJournal().gzipDisabled(true));
        WireMockServer wechat = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(threads)
                .disableRequestJournal().gzipDisabled(true));
        sms.start();
        wechat.start();
        AtomicLong smsCount = new AtomicLong();
        AtomicLong wechatCount = new AtomicLong();
        sms.addMockServiceRequestListener((request, response) -> smsCount.incrementAndGet());
        wechat.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().startsWith("/cgi-bin/message/template/send")) {
                wechatCount.incrementAndGet();
            }
        });
        sms.stubFor(WireMock.post(WireMock.urlPathMatching("/2010-04-01/Accounts/.*/Messages.json")).willReturn(
                WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(TWILIO_CREATED)));
        wechat.stubFor(WireMock.get(WireMock.urlPathEqualTo("/cgi-bin/token")).willReturn(WireMock.okJson(WECHAT_TOKEN)));
        wechat.stubFor(WireMock.post(WireMock.urlPathEqualTo("/cgi-bin/message/template/send")).willReturn(WireMock.okJson(WECHAT_SENT)));
        return new Providers(sms.baseUrl(), wechat.baseUrl(), smsCount, wechatCount, () -> {
            sms.stop();
            wechat.stop();
        });
    }

    /** What the providers received so far, per channel. */
    private record Counters(AtomicLong wechat, AtomicLong sms, ScriptedSmtpServer mail) {
        long[] now() {
            return new long[] {wechat.get(), sms.get(), mail.acceptedCount()};
        }
    }

    /** One campaign's run, from approval until no row is pending or sending. */
    private record Result(Campaign done, double seconds, double planning, double plannedAll, long[] received, double[] lastPerChannel,
            double cpuSeconds, double jitSeconds, double gcPauseSeconds) {

        double perSecond() {
            return done.funnel().sent() / seconds;
        }

        void print(String loadBefore, String loadAfter) {
            System.out.printf("machine load before: %s%nmachine load after:  %s%n", loadBefore, loadAfter);
            System.out.printf("campaign: approve → all %,d settled in %.1f s (first row due after %.1f s, all planned after %.1f s) = %,.0f deliveries/s end to end%n",
                    done.funnel().sent(), seconds, planning, plannedAll, perSecond());
            System.out.printf("provider side: WeChat %,d, SMS %,d, email %,d (sum %,d); funnel sent %,d failed %,d pending %,d%n",
                    received[0], received[1], received[2], received[0] + received[1] + received[2], done.funnel().sent(),
                    done.funnel().failed(), done.funnel().pending());
            System.out.printf("last message per channel after approval: WeChat %.1f s, SMS %.1f s, email %.1f s%n",
                    lastPerChannel[0], lastPerChannel[1], lastPerChannel[2]);
            // less sensitive than the rate to whatever else the two cores run meanwhile
            System.out.printf("this JVM's CPU time (all threads: worker, stand-ins, GC, JIT): %.1f s = %.0f ms per 1,000 deliveries%n",
                    cpuSeconds, cpuSeconds * 1e6 / Math.max(1, done.funnel().sent()));
            // what a long-running instance pays only once; HotSpot times each compilation by the clock, so on two busy
            // cores this is an upper bound of the compilers' CPU, not a share of the line above
            System.out.printf("JIT compilations meanwhile: %.1f s by the clock, summed over the compiler threads; GC pauses: %.2f s%n",
                    jitSeconds, gcPauseSeconds);
        }
    }

    private static Result campaign(ConfigurableApplicationContext context, String policy, Counters counters) throws InterruptedException {
        Campaigns campaigns = context.getBean(Campaigns.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long[] before = counters.now();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long jitStart = jitMillis();
        long gcStart = gcPauseMillis();
        Campaign campaign = campaigns.create(new NewCampaign(policy, List.of(Channel.WECHAT, Channel.SMS, Channel.EMAIL),
                null), "bench-editor");
        campaigns.approve(campaign.id(), "bench-reviewer");
        long planned = 0;
        long plannedAll = 0;
        long[] lastCount = before.clone();
        long[] lastChange = new long[3];
        // one indexed look-up every 250 ms: the observer must not compete with the worker for the database
        while (true) {
            long[] counts = counters.now();
            for (int c = 0; c < 3; c++) {
                if (counts[c] != lastCount[c]) {
                    lastCount[c] = counts[c];
                    lastChange[c] = System.nanoTime();
                }
            }
            // whether any row is open, not how many: counting walked 100,000 index entries per poll on H2
            Integer open = jdbc.queryForList("select 1 from push_delivery where campaign_id = ? and status in ('PENDING', 'SENDING') "
                    + "fetch first 1 row only", Integer.class, campaign.id()).size();
            if (planned == 0 && open != null && open > 0) {
                planned = System.nanoTime();
            }
            // planning commits in chunks: nothing open between two chunks is not the end
            if (plannedAll == 0 && jdbc.queryForObject("select count(*) from push_campaign where id = ? "
                    + "and status in ('RUNNING', 'FINISHED') and planning_until is null", Integer.class, campaign.id()) == 1) {
                plannedAll = System.nanoTime();
            }
            if (planned != 0 && open != null && open == 0 && plannedAll != 0) {
                break;
            }
            Thread.sleep(250);
        }
        long end = System.nanoTime();
        long cpuEnd = processCpuNanos();
        long jitEnd = jitMillis();
        long gcEnd = gcPauseMillis();
        long[] after = counters.now();
        return new Result(campaigns.find(campaign.id()), (end - start) / 1e9, (planned - start) / 1e9, (plannedAll - start) / 1e9,
                new long[] {after[0] - before[0], after[1] - before[1], after[2] - before[2]},
                new double[] {(lastChange[0] - start) / 1e9, (lastChange[1] - start) / 1e9, (lastChange[2] - start) / 1e9},
                (cpuEnd - cpuStart) / 1e9, (jitEnd - jitStart) / 1e3, (gcEnd - gcStart) / 1e3);
    }

    static PushProperties properties(String prefix) {
        return new PushProperties("https://zhice.example.gov.cn", prefix, List.of(), List.of(),
                new PushProperties.Limits(List.of("1/1m", "5/1h", "10/1d"), List.of("3/1d"), List.of("5/1d"), 3,
                        Duration.ofHours(1), 1_000_000, 100_000, 100_000, 8, 20),
                new PushProperties.QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0), List.of()),
                new PushProperties.Worker(false, 1, 200, Duration.ofMillis(500), 4, Duration.ofMinutes(2), Duration.ofSeconds(2)),
                new PushProperties.Retry(5, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1)), 7,
                new PushProperties.WeChat(null, List.of()), 10);
    }

    /** The full check the worker makes per delivery, one after another, each for a new recipient: latency in µs. */
    static Histogram limitChecks(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
            var buckets = Bucket4jLettuce.casBasedBuilder(connection).clientClock(new ClockTimeMeter(clock))
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                    .build().asAsync();
            RateLimits limits = new RateLimits(buckets, properties(prefix), clock);
            ProviderQuotas quotas = new ProviderQuotas(buckets, properties(prefix), clock);
            Histogram histogram = new Histogram(3);
            for (int i = 0; i < 22_000; i++) {
                long t0 = System.nanoTime();
                quotas.acquire(Channel.SMS).join();
                limits.acquire(Channel.SMS, "hash" + i, "uscc" + i, true).join();
                if (i >= 2_000) {
                    histogram.recordValue((System.nanoTime() - t0) / 1_000);
                }
            }
            RedisKeys.deleteAll(redisUrl, prefix);
            return histogram;
        } finally {
            client.shutdown();
        }
    }

    /** Redis commands per full check: for new recipients, then again for the same recipients (buckets exist). */
    static long[] roundTrips(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        AtomicLong commands = new AtomicLong();
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.incrementAndGet();
            }
        });
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
            var buckets = Bucket4jLettuce.casBasedBuilder(connection).clientClock(new ClockTimeMeter(clock))
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(10)))
                    .build().asAsync();
            RateLimits limits = new RateLimits(buckets, properties(prefix), clock);
            ProviderQuotas quotas = new ProviderQuotas(buckets, properties(prefix), clock);
            int n = 2_000;
            for (int i = 0; i < n; i++) {
                quotas.acquire(Channel.EMAIL).join();
                limits.acquire(Channel.EMAIL, "hash" + i, "uscc" + i, true).join();
            }
            long first = commands.getAndSet(0);
            for (int i = 0; i < n; i++) {
                quotas.acquire(Channel.EMAIL).join();
                limits.acquire(Channel.EMAIL, "hash" + i, "uscc" + i, true).join();
            }
            long second = commands.get();
            RedisKeys.deleteAll(redisUrl, prefix);
            return new long[] {first, second, n};
        } finally {
            client.shutdown();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcPauseMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
