package cn.zhice.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

/** The embedded Redis binary really runs on this platform, so the no-configuration start works on a fresh machine. */
class EmbeddedRedisTest {

    @Test
    void startsARealRedisServerThatAnswersCommands() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            RedisClient client = RedisClient.create(redis.url());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("zhice:probe", "好");
                assertThat(connection.sync().get("zhice:probe")).isEqualTo("好");
                assertThat(connection.sync().configGet("save")).containsEntry("save", "");
            } finally {
                client.shutdown();
            }
        }
    }
}
