package cn.zhice.bot.wechat;

import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The reply given to each message, in Redis, so that WeChat's retries (up to 3, 5 s apart, possibly to another
 * instance) get the same reply and the message is answered once. The first request claims the message with
 * {@code SET NX}; later ones wait briefly for its reply.
 */
final class ReplyCache {

    private static final String PENDING = "\u0000pending";
    private static final Duration POLL = Duration.ofMillis(25);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    ReplyCache(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix + "reply:";
        this.ttl = ttl;
    }

    /** Whether this request is the first to see the message and must answer it. */
    boolean claim(String messageKey) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + messageKey, PENDING, ttl));
    }

    void complete(String messageKey, String reply) {
        redis.opsForValue().set(prefix + messageKey, reply, ttl);
    }

    /** The reply of the request that claimed the message, once it is there, waiting at most {@code patience}. */
    Optional<String> await(String messageKey, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String value = redis.opsForValue().get(prefix + messageKey);
            if (value != null && !PENDING.equals(value)) {
                return Optional.of(value);
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
