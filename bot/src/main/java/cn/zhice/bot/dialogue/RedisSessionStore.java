package cn.zhice.bot.dialogue;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions as JSON in Redis with a TTL, so any instance can continue a conversation and idle ones expire. Keys use a
 * hash of the user id: openids never appear in Redis keys or anything derived from them.
 */
@Component
class RedisSessionStore implements SessionStore {

    private final StringRedisTemplate redis;
    private final BotProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    RedisSessionStore(StringRedisTemplate redis, BotProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Session load(String userId) {
        String stored = redis.opsForValue().get(key(userId));
        return stored == null ? Session.NEW : json.readValue(stored, Session.class);
    }

    @Override
    public void save(String userId, Session session) {
        redis.opsForValue().set(key(userId), json.writeValueAsString(session), properties.sessionTtl());
    }

    private String key(String userId) {
        return properties.keyPrefix() + "session:" + UserKeys.hash(userId);
    }
}
