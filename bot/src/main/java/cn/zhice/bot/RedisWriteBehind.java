package cn.zhice.bot;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;

/**
 * Redis writes that a reply does not wait for: the session after a turn, the reply kept for WeChat's retries. They
 * are sent on the template's shared Lettuce connection, so they reach Redis before any command sent after them (the
 * next message of a conversation reads what the last one wrote), and a failure is logged, as nobody is left to
 * answer it. Not waiting spares each message two hand-offs between its thread and Lettuce's, which a busy 2-core
 * host pays for in latency (docs/benchmarks.md, 2026-12-05 session 15).
 */
public final class RedisWriteBehind {

    private static final Logger log = LoggerFactory.getLogger(RedisWriteBehind.class);

    private final StringRedisTemplate redis;

    public RedisWriteBehind(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** {@code SET key value PX ttl}, sent now, not awaited. The key is logged on failure: never put personal data in it. */
    public void set(String key, String value, Duration ttl) {
        byte[] rawKey = key.getBytes(StandardCharsets.UTF_8);
        byte[] rawValue = value.getBytes(StandardCharsets.UTF_8);
        redis.execute((RedisCallback<Void>) connection -> {
            if (connection.getNativeConnection() instanceof RedisStringAsyncCommands<?, ?> commands) {
                @SuppressWarnings("unchecked")
                var async = (RedisStringAsyncCommands<byte[], byte[]>) commands;
                async.set(rawKey, rawValue, SetArgs.Builder.px(ttl.toMillis())).whenComplete((ok, error) -> {
                    if (error != null) {
                        log.warn("Redis did not store {}: {}", key, error.toString());
                    }
                });
            } else {
                // Not Lettuce's shared connection (another client library): write and wait, as any template call.
                connection.stringCommands().set(rawKey, rawValue, Expiration.from(ttl), SetOption.upsert());
            }
            return null;
        });
    }
}
