package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.testsupport.RedisKeys;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.MutableClock;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-recipient, per-enterprise and per-provider limits in the real Redis, time moved by hand. */
class RateLimitsIT {

    static RedisClient client;
    static StatefulRedisConnection<byte[], byte[]> connection;

    MutableClock clock;
    String prefix;
    RateLimits limits;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(TestServices.redisUrl());
        connection = client.connect(ByteArrayCodec.INSTANCE);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void fresh() {
        clock = MutableClock.at("2026-11-23T10:00");
        prefix = TestServices.uniquePrefix();
        limits = new RateLimits(buckets(), properties(3, 1_000_000, 1_000_000), clock);
    }

    @AfterEach
    void cleanUp() {
        RedisKeys.deleteAll(client, prefix);
    }

    AsyncProxyManager<byte[]> buckets() {
        return DeliveryConfiguration.buckets(connection, clock);
    }

    PushProperties properties(int enterprisePerWeek, long wechatPerDay, long smsPerSecond) {
        return TestLimits.properties(prefix, List.of("1/1m", "5/1h", "10/1d"), enterprisePerWeek, wechatPerDay, smsPerSecond);
    }

    RateLimits.Verdict sms(String hash) {
        return limits.acquire(Channel.SMS, hash, "uscc-" + hash, false).join();
    }

    @Test
    void allowsOneSmsPerMinuteAndNamesWhenTheNextMayGo() {
        assertThat(sms("a")).isInstanceOf(RateLimits.Verdict.Allowed.class);

        RateLimits.Verdict second = sms("a");

        assertThat(second).isInstanceOf(RateLimits.Verdict.Wait.class);
        Duration wait = Duration.between(clock.instant(), ((RateLimits.Verdict.Wait) second).at());
        assertThat(wait).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        assertThat(sms("b")).as("another number has its own bucket").isInstanceOf(RateLimits.Verdict.Allowed.class);
    }

    @Test
    void throttlesSmsAfterFivePerHourUntilTheHourIsOver() {
        for (int i = 0; i < 5; i++) {
            assertThat(sms("a")).isInstanceOf(RateLimits.Verdict.Allowed.class);
            clock.advance(Duration.ofMinutes(2));
        }

        RateLimits.Verdict sixth = sms("a");

        assertThat(sixth).isInstanceOf(RateLimits.Verdict.Wait.class);
        assertThat(((RateLimits.Verdict.Wait) sixth).at()).isAfter(clock.instant().plus(Duration.ofMinutes(49)));
    }

    @Test
    void throttlesSmsAfterTenMessagesPerDayUntilShanghaiMidnight() {
        for (int i = 0; i < 10; i++) {
            assertThat(sms("a")).as("message %d", i + 1).isInstanceOf(RateLimits.Verdict.Allowed.class);
            clock.advance(Duration.ofMinutes(13));
        }
        clock.set("2026-11-23T23:50");

        assertThat(sms("a")).as("the day's ten are used; midnight is within the allowed delay")
                .isInstanceOf(RateLimits.Verdict.Wait.class);
        RateLimits.Verdict verdict = sms("a");
        assertThat(LocalDateTime.ofInstant(((RateLimits.Verdict.Wait) verdict).at(), MutableClock.SHANGHAI))
                .isBetween(LocalDateTime.parse("2026-11-24T00:00"), LocalDateTime.parse("2026-11-24T00:00:01"));

        clock.set("2026-11-24T00:00:01");
        assertThat(sms("a")).isInstanceOf(RateLimits.Verdict.Allowed.class);
    }

    @Test
    void suppressesWhenTheLimitFreesUpLaterThanTheAllowedDelay() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire(Channel.WECHAT, "o", "u", false).join()).isInstanceOf(RateLimits.Verdict.Allowed.class);
        }

        assertThat(limits.acquire(Channel.WECHAT, "o", "u", false).join()).isInstanceOf(RateLimits.Verdict.Exhausted.class);
    }

    @Test
    void capsPoliciesPerEnterpriseAcrossChannelsAndReturnsTheTokenWhenTheRecipientIsFull() {
        assertThat(limits.acquire(Channel.SMS, "m", "E1", true).join()).isInstanceOf(RateLimits.Verdict.Allowed.class);
        assertThat(limits.acquire(Channel.SMS, "m", "E1", true).join()).as("SMS 1/min").isInstanceOf(RateLimits.Verdict.Wait.class);
        assertThat(limits.acquire(Channel.EMAIL, "e", "E1", true).join()).isInstanceOf(RateLimits.Verdict.Allowed.class);
        assertThat(limits.acquire(Channel.WECHAT, "w", "E1", true).join()).as("third policy this week, the refused SMS gave its token back")
                .isInstanceOf(RateLimits.Verdict.Allowed.class);

        assertThat(limits.acquire(Channel.EMAIL, "e2", "E1", true).join()).isInstanceOf(RateLimits.Verdict.Exhausted.class);
        assertThat(limits.acquire(Channel.EMAIL, "e2", "E2", true).join()).isInstanceOf(RateLimits.Verdict.Allowed.class);
    }

    @Test
    void sharesAProviderQuotaOverShardsAndBatchesWithoutExceedingIt() {
        ProviderQuotas quotas = new ProviderQuotas(buckets(), properties(3, 100, 1_000_000), clock);
        int granted = 0;
        for (int i = 0; i < 150; i++) {
            if (quotas.acquire(Channel.WECHAT).join() == null) {
                granted++;
            }
        }

        assertThat(granted).isEqualTo(100);
        var retryAt = quotas.acquire(Channel.WECHAT).join();
        assertThat(LocalDateTime.ofInstant(retryAt, MutableClock.SHANGHAI)).isEqualTo(LocalDateTime.parse("2026-11-24T00:00"));
        assertThat(connection.sync().keys(prefix + "p:wechat:*")).hasSize(4);
    }

    @Test
    void twoInstancesTogetherStayWithinTheProviderQuota() {
        ProviderQuotas one = new ProviderQuotas(buckets(), properties(3, 1000, 60), clock);
        ProviderQuotas two = new ProviderQuotas(buckets(), properties(3, 1000, 60), clock);
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            granted += one.acquire(Channel.SMS).join() == null ? 1 : 0;
            granted += two.acquire(Channel.SMS).join() == null ? 1 : 0;
        }

        assertThat(granted).isEqualTo(60);
        clock.advance(Duration.ofSeconds(1));
        assertThat(one.acquire(Channel.SMS).join()).as("the next second refills").isNull();
    }
}
