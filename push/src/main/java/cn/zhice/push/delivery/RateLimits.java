package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Per-recipient and per-enterprise limits in Redis with Bucket4j: one bucket per (channel, address) holding every
 * window of that channel at once (SMS 1/min, 5/hour, 10/day), so one check is one bucket operation; windows of whole
 * days refill at midnight in the government's time zone. A second bucket per enterprise caps policies per week
 * across channels. Keys carry the address's hash, never the address.
 */
public final class RateLimits {

    /** The verdict for one delivery. */
    public sealed interface Verdict {
        /** Tokens taken: send. */
        record Allowed() implements Verdict {}

        /** Over a limit that frees up at {@code at}, within the allowed delay: wait. */
        record Wait(Instant at) implements Verdict {}

        /** Over a limit for longer than the allowed delay: suppress as rate limited. */
        record Exhausted() implements Verdict {}
    }

    private final AsyncProxyManager<byte[]> buckets;
    private final String prefix;
    private final Map<Channel, List<Window>> windows = new EnumMap<>(Channel.class);
    private final int enterprisePerWeek;
    private final Duration maxDelay;
    private final Clock clock;
    private final ZoneId zone;

    public RateLimits(AsyncProxyManager<byte[]> buckets, PushProperties properties, Clock clock) {
        this.buckets = buckets;
        this.prefix = properties.keyPrefix();
        for (Channel channel : Channel.values()) {
            windows.put(channel, properties.limits().of(channel).stream().map(Window::parse).toList());
        }
        this.enterprisePerWeek = properties.limits().enterprisePerWeek();
        this.maxDelay = properties.limits().maxDelay();
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /**
     * Takes one token for {@code addressHash} on {@code channel} and, when {@code countsForEnterprise}, one of the
     * enterprise's weekly policies; gives the enterprise token back when the recipient is over its limit.
     */
    public CompletableFuture<Verdict> acquire(Channel channel, String addressHash, String uscc, boolean countsForEnterprise) {
        if (!countsForEnterprise) {
            return recipient(channel, addressHash).tryConsumeAndReturnRemaining(1).thenApply(this::verdict);
        }
        AsyncBucketProxy enterprise = enterprise(uscc);
        return enterprise.tryConsumeAndReturnRemaining(1).thenCompose(weekly -> {
            if (!weekly.isConsumed()) {
                return CompletableFuture.completedFuture(verdict(weekly));
            }
            return recipient(channel, addressHash).tryConsumeAndReturnRemaining(1).thenCompose(probe -> {
                Verdict verdict = verdict(probe);
                if (verdict instanceof Verdict.Allowed) {
                    return CompletableFuture.completedFuture(verdict);
                }
                return enterprise.addTokens(1).thenApply(ignored -> verdict);
            });
        });
    }

    private Verdict verdict(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new Verdict.Allowed();
        }
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        if (wait.compareTo(maxDelay) <= 0) {
            return new Verdict.Wait(clock.instant().plus(wait).plusMillis(1));
        }
        return new Verdict.Exhausted();
    }

    private AsyncBucketProxy recipient(Channel channel, String addressHash) {
        byte[] key = (prefix + "r:" + channel.name().toLowerCase() + ":" + addressHash).getBytes(StandardCharsets.UTF_8);
        List<Window> limits = windows.get(channel);
        return buckets.builder().build(key, supplier(() -> {
            ConfigurationBuilder builder = BucketConfiguration.builder();
            for (Window window : limits) {
                builder.addLimit(limit -> window.calendarDays()
                        ? limit.capacity(window.count()).refillIntervallyAligned(window.count(), window.period(), nextMidnight())
                        : limit.capacity(window.count()).refillIntervally(window.count(), window.period()));
            }
            return builder.build();
        }));
    }

    private AsyncBucketProxy enterprise(String uscc) {
        byte[] key = (prefix + "e:" + uscc).getBytes(StandardCharsets.UTF_8);
        return buckets.builder().build(key, supplier(() -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(enterprisePerWeek)
                        .refillIntervallyAligned(enterprisePerWeek, Duration.ofDays(7), nextMonday()))
                .build()));
    }

    private static Supplier<CompletableFuture<BucketConfiguration>> supplier(Supplier<BucketConfiguration> configuration) {
        return () -> CompletableFuture.completedFuture(configuration.get());
    }

    private Instant nextMidnight() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return today.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private Instant nextMonday() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
    }
}
