package cn.zhice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties every test context of the whole application needs so that runs never see each other's data: its own
 * index directory, the test Redis with unique channel and key prefixes, a known bootstrap password, and either a fresh
 * in-memory H2 database or a schema of its own on PostgreSQL.
 */
public final class TestApplication {

    private TestApplication() {}

    public static void isolate(DynamicPropertyRegistry registry, String adminPassword, boolean demoData) {
        String index;
        try {
            index = Files.createTempDirectory("zhice-it-index").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = TestServices.uniquePrefix();
        registry.add("zhice.kb.index-dir", () -> index);
        registry.add("zhice.redis.url", TestServices::redisUrl);
        registry.add("zhice.kb.sync-channel", () -> prefix + "kb:changed");
        registry.add("zhice.bot.key-prefix", () -> prefix + "bot:");
        registry.add("zhice.wechat.redis-key-prefix", () -> prefix + "wechat:");
        registry.add("zhice.admin.bootstrap-password", () -> adminPassword);
        registry.add("zhice.demo-data.enabled", () -> Boolean.toString(demoData));
    }

    public static void useH2(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:zhice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
    }

    /** Creates a fresh schema, points the context at it, and returns its name for dropping afterwards. */
    public static String usePostgres(DynamicPropertyRegistry registry) {
        String schema = TestServices.createPostgresSchema();
        registry.add("spring.datasource.url", () -> TestServices.postgresUrl(schema));
        registry.add("spring.datasource.username", () -> TestServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
        return schema;
    }
}
