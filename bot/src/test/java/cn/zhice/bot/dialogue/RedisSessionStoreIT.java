package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.bot.understanding.Intent;
import cn.zhice.testsupport.TestServices;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Sessions survive between turns in the real Redis, expire with their TTL, and never name the openid in a key. */
class RedisSessionStoreIT {

    private final String prefix = TestServices.uniquePrefix();
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private RedisSessionStore store;

    @BeforeEach
    void connect() {
        connections = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(TestServices.redisUrl()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        store = new RedisSessionStore(redis,
                new BotProperties(6.0, 0.92, 0.55, 40.0, 3, 2, Duration.ofMinutes(30), prefix, "测试助手",
                        new BotProperties.Binding(Duration.ofMinutes(5), 5, Duration.ofSeconds(60))));
    }

    @AfterEach
    void cleanUp() {
        redis.delete(redis.keys(prefix + "*"));
        connections.destroy();
    }

    @Test
    void remembersTheSessionUnderAHashedKeyWithATtl() {
        Session session = Session.NEW.offering(List.of("SG-1", "SG-2"), Intent.MATERIALS, "执照", 0);

        store.save("oUser-openid-123", session);

        assertThat(store.load("oUser-openid-123")).isEqualTo(session);
        assertThat(store.load("someone-else")).isEqualTo(Session.NEW);
        var keys = redis.keys(prefix + "*");
        assertThat(keys).hasSize(1).allSatisfy(key -> assertThat(key).doesNotContain("openid"));
        assertThat(redis.getExpire(keys.iterator().next())).isBetween(1700L, 1800L);
    }

    @Test
    void remembersTheAnsweredTurnAndReadsSessionsSavedBeforeRatingsExisted() {
        Session answered = Session.NEW.discussing("SG-1").rateable(42L);
        store.save("oRater", answered);
        store.save("oOldSession", Session.NEW.discussing("SG-2"));
        String key = redis.keys(prefix + "*").stream()
                .filter(k -> redis.opsForValue().get(k).contains("SG-2")).findFirst().orElseThrow();
        redis.opsForValue().set(key, redis.opsForValue().get(key).replace(",\"answeredTurn\":null", ""));

        Session old = store.load("oOldSession");

        assertThat(redis.opsForValue().get(key)).doesNotContain("answeredTurn");
        assertThat(store.load("oRater").answeredTurn()).isEqualTo(42L);
        assertThat(old.currentEntry()).isEqualTo("SG-2");
        assertThat(old.answeredTurn()).isNull();
    }
}
