package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.testsupport.RedisKeys;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provider quotas under many concurrent callers, in the real Redis. */
class ProviderQuotasIT {

    RedisClient client;
    StatefulRedisConnection<byte[], byte[]> connection;
    String prefix;

    @BeforeEach
    void connect() {
        client = RedisClient.create(TestServices.redisUrl());
        connection = client.connect(ByteArrayCodec.INSTANCE);
        prefix = TestServices.uniquePrefix();
    }

    @AfterEach
    void cleanUp() {
        RedisKeys.deleteAll(client, prefix);
        connection.close();
        client.shutdown();
    }

    @Test
    void grantsEveryWaiterWhenOneRefillIsSharedByFarMoreCallersThanItsBatch() {
        MutableClock clock = MutableClock.at("2026-12-05T10:00");
        PushProperties properties = TestLimits.properties(prefix, List.of("1/1m"), 3, 1_000_000, 1_000_000);
        ProviderQuotas quotas = new ProviderQuotas(DeliveryConfiguration.buckets(connection, clock), properties, clock);
        List<CompletableFuture<Instant>> waiting = new ArrayList<>();
        // all of them wait for the same first refill of 20 tokens: the rest must each get a refill of their own
        for (int i = 0; i < 20_000; i++) {
            waiting.add(quotas.acquire(Channel.WECHAT));
        }

        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

        assertThat(waiting).allSatisfy(future -> {
            assertThat(future).isCompleted().isNotCompletedExceptionally();
            assertThat(future.join()).as("granted, not told to retry").isNull();
        });
    }
}
