package cn.zhice.push.delivery;

import cn.zhice.push.PushProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Jittered exponential backoff: {@code base·2^(attempt−1)} times a random factor in [0.5, 1.5), at most {@code max}. */
public final class Backoff {

    private final PushProperties.Retry retry;

    public Backoff(PushProperties.Retry retry) {
        this.retry = retry;
    }

    /** Whether an attempt numbered {@code attempt} (1-based) was the last one allowed. */
    public boolean exhausted(int attempt) {
        return attempt >= retry.maxAttempts();
    }

    public Instant next(Instant now, int attempt, boolean throttled) {
        Duration base = throttled ? retry.throttledBase() : retry.base();
        long millis = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        millis = Math.min(millis, retry.max().toMillis());
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return now.plusMillis((long) (millis * jitter));
    }
}
