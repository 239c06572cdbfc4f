package cn.zhice.app;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The clock every module reads time from, and the Redis connection (configured, or an embedded server). */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureConfiguration.class);

    @Bean
    Clock clock(AppProperties properties) {
        return Clock.system(properties.timeZone());
    }

    @Bean(destroyMethod = "close")
    RedisLocation redisLocation(AppProperties properties) {
        String url = properties.redis().url();
        if (url != null && !url.isBlank()) {
            return new RedisLocation(url, null);
        }
        EmbeddedRedis embedded = EmbeddedRedis.start();
        log.info("zhice.redis.url is not set: started an embedded Redis server at {} (for trying out only)",
                embedded.url());
        return new RedisLocation(embedded.url(), embedded);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisLocation location) {
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(location.url()));
    }

    /** Where Redis is, and the embedded server to stop with the application when there is one. */
    record RedisLocation(String url, EmbeddedRedis embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
