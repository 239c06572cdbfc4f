package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Provider quotas shared by every instance (WeChat's 100,000 template messages a day, the SMS gateway's requests per
 * second) without one hot Redis key on the send path: each quota is split over N shard buckets, and an instance takes
 * a batch of tokens from a random shard and hands them out locally, so Redis sees one operation per batch, spread over
 * N keys. Tokens taken but not used lapse with the local lease (at most one period), so the global rate is never
 * exceeded; at worst a few tokens of a period go unused.
 */
public final class ProviderQuotas {

    private final Map<Channel, Quota> quotas = new EnumMap<>(Channel.class);
    private final Clock clock;

    public ProviderQuotas(AsyncProxyManager<byte[]> buckets, PushProperties properties, Clock clock) {
        this.clock = clock;
        PushProperties.Limits limits = properties.limits();
        int shards = Math.max(1, limits.providerShards());
        quotas.put(Channel.WECHAT, new Quota(buckets, properties.keyPrefix() + "p:wechat:", limits.wechatPerDay(),
                Duration.ofDays(1), shards, limits.providerBatch(), clock));
        quotas.put(Channel.SMS, new Quota(buckets, properties.keyPrefix() + "p:sms:", limits.smsPerSecond(),
                Duration.ofSeconds(1), shards, limits.providerBatch(), clock));
        quotas.put(Channel.EMAIL, new Quota(buckets, properties.keyPrefix() + "p:email:", limits.emailPerSecond(),
                Duration.ofSeconds(1), shards, limits.providerBatch(), clock));
    }

    /** A token for one message on {@code channel}: completes with null when granted, else when to try again. */
    public CompletableFuture<Instant> acquire(Channel channel) {
        return quotas.get(channel).acquire();
    }

    /** Returns a token that was taken but not used (the recipient was over its limit). */
    public void release(Channel channel) {
        quotas.get(channel).release();
    }

    private static final class Quota {

        private final AsyncProxyManager<byte[]> buckets;
        private final String prefix;
        private final long perPeriod;
        private final Duration period;
        private final int shards;
        private final long batch;
        private final Clock clock;
        private final ZoneId zone;
        private long local;
        private Instant localExpires = Instant.EPOCH;

        Quota(AsyncProxyManager<byte[]> buckets, String prefix, long perPeriod, Duration period, int shards, int batch, Clock clock) {
            this.buckets = buckets;
            this.prefix = prefix;
            this.perPeriod = perPeriod;
            this.period = period;
            // never more shards than tokens per period, or some shards would hold nothing
            this.shards = (int) Math.max(1, Math.min(shards, perPeriod));
            this.batch = Math.max(1, Math.min(batch, perPeriod / this.shards));
            this.clock = clock;
            this.zone = clock.getZone();
        }

        private CompletableFuture<Long> inflight;

        /**
         * A token from the local batch; when it is empty, one refill from Redis at a time (single flight), which
         * everyone waiting then shares, so concurrent senders never drain more shards than they need.
         */
        CompletableFuture<Instant> acquire() {
            if (takeLocal()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Long> refill;
            synchronized (this) {
                refill = inflight;
                // a finished refill whose batch others already took is not shared again: its waiters run on the
                // completing thread before it is cleared, and re-joining it would call back into acquire() on the
                // same stack until it overflows
                if (refill == null || refill.isDone()) {
                    CompletableFuture<Long> started = refill(ThreadLocalRandom.current().nextInt(shards), 0);
                    inflight = started;
                    refill = started;
                    started.whenComplete((granted, error) -> {
                        synchronized (this) {
                            if (inflight == started) {
                                inflight = null;
                            }
                        }
                    });
                }
            }
            return refill.thenCompose(granted -> {
                if (takeLocal()) {
                    return CompletableFuture.completedFuture((Instant) null);
                }
                return granted == 0 ? CompletableFuture.completedFuture(retryAt()) : acquire();
            });
        }

        private synchronized boolean takeLocal() {
            if (local > 0 && clock.instant().isBefore(localExpires)) {
                local--;
                return true;
            }
            local = 0;
            return false;
        }

        synchronized void release() {
            local++;
        }

        private CompletableFuture<Long> refill(int shard, int tried) {
            long perShard = perPeriod / shards + (shard < perPeriod % shards ? 1 : 0);
            byte[] key = (prefix + shard).getBytes(StandardCharsets.UTF_8);
            return buckets.builder().build(key, () -> CompletableFuture.completedFuture(configuration(perShard)))
                    .tryConsumeAsMuchAsPossible(batch)
                    .thenCompose(granted -> {
                        if (granted > 0) {
                            synchronized (this) {
                                local += granted;
                                localExpires = clock.instant().plus(period.compareTo(Duration.ofMinutes(1)) < 0 ? period : Duration.ofMinutes(1));
                            }
                            return CompletableFuture.completedFuture(granted);
                        }
                        if (tried + 1 < shards) {
                            return refill((shard + 1) % shards, tried + 1);
                        }
                        return CompletableFuture.completedFuture(0L);
                    });
        }

        private BucketConfiguration configuration(long perShard) {
            if (period.toSeconds() % 86_400 == 0) {
                Instant midnight = LocalDate.ofInstant(clock.instant(), zone).plusDays(1).atStartOfDay(zone).toInstant();
                return BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(perShard).refillIntervallyAligned(perShard, period, midnight))
                        .build();
            }
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(perShard).refillIntervally(perShard, period))
                    .build();
        }

        private Instant retryAt() {
            Instant now = clock.instant();
            if (period.toSeconds() % 86_400 == 0) {
                return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
            }
            return now.plus(period);
        }
    }
}
