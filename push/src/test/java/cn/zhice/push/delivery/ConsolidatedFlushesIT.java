package cn.zhice.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.testsupport.RedisKeys;
import cn.zhice.testsupport.TestServices;
import cn.zhice.testsupport.push.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits' Redis connection with {@link DeliveryConfiguration.ConsolidatedFlushes}: commands written meanwhile go
 * out in one flush, a lone command is not held back, and every verdict stays exact.
 */
class ConsolidatedFlushesIT {

    /** Counts the flushes that reach the socket: it sits nearest to it, after the consolidation. */
    @ChannelHandler.Sharable
    static final class SocketFlushes extends ChannelOutboundHandlerAdapter {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void flush(ChannelHandlerContext context) {
            count.incrementAndGet();
            context.flush();
        }
    }

    final SocketFlushes socketFlushes = new SocketFlushes();
    ClientResources resources;
    RedisClient client;
    StatefulRedisConnection<byte[], byte[]> connection;
    String prefix;

    @BeforeEach
    void connect() {
        prefix = TestServices.uniquePrefix();
        NettyCustomizer consolidated = new DeliveryConfiguration.ConsolidatedFlushes();
        resources = DefaultClientResources.builder().nettyCustomizer(new NettyCustomizer() {
            @Override
            public void afterChannelInitialized(io.netty.channel.Channel channel) {
                consolidated.afterChannelInitialized(channel);
                channel.pipeline().addFirst(socketFlushes);
            }
        }).build();
        client = RedisClient.create(resources, RedisURI.create(TestServices.redisUrl()));
        connection = client.connect(ByteArrayCodec.INSTANCE);
    }

    @AfterEach
    void disconnect() {
        RedisKeys.deleteAll(client, prefix);
        connection.close();
        client.shutdown();
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    RateLimits limits(int smsPerDay) {
        PushProperties properties = TestLimits.properties(prefix, List.of(smsPerDay + "/1d"), 3, 1_000_000, 1_000_000);
        MutableClock clock = MutableClock.at("2026-11-23T10:00");
        return new RateLimits(DeliveryConfiguration.buckets(connection, clock), properties, clock);
    }

    @Test
    void sendsALoneCommandWithoutWaitingForOthers() {
        long start = System.nanoTime();
        RateLimits.Verdict verdict = limits(10).acquire(Channel.SMS, "lone", "uscc-lone", false).orTimeout(1, TimeUnit.SECONDS).join();

        assertThat(verdict).isInstanceOf(RateLimits.Verdict.Allowed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DeliveryConfiguration.REDIS_TIMEOUT);
    }

    @Test
    void writesConcurrentChecksInFewerFlushesWithExactVerdicts() {
        RateLimits limits = limits(10);
        limits.acquire(Channel.SMS, "warm", "uscc-warm", false).join();
        int before = socketFlushes.count.get();

        List<CompletableFuture<RateLimits.Verdict>> checks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // 40 recipients, 10 checks each on a bucket of 10 a day, plus one more each: exactly one refused per recipient
            checks.add(limits.acquire(Channel.SMS, "r" + (i % 40), "uscc", false));
        }
        for (int i = 0; i < 40; i++) {
            checks.add(limits.acquire(Channel.SMS, "r" + i, "uscc", false));
        }
        List<RateLimits.Verdict> verdicts = checks.stream().map(CompletableFuture::join).toList();
        int flushes = socketFlushes.count.get() - before;

        assertThat(verdicts).filteredOn(RateLimits.Verdict.Allowed.class::isInstance).hasSize(400);
        assertThat(verdicts).filteredOn(verdict -> !(verdict instanceof RateLimits.Verdict.Allowed)).hasSize(40);
        // each check is at least a GET and a compare-and-swap: 880 commands or more
        assertThat(flushes).isPositive().isLessThan(440);
    }
}
