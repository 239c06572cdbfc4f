package cn.zhice.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The real servers tests talk to: the machine's Redis and PostgreSQL when they run (as on CI), otherwise an
 * embedded Redis and H2. With {@code ZHICE_REQUIRE_SERVICES=true} (set by {@code .ci/run}) a missing server fails
 * the run instead of being replaced, so CI cannot silently test less than it claims.
 */
public final class TestServices {

    public static final String POSTGRES_URL = env("ZHICE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = env("ZHICE_TEST_POSTGRES_USER", "postgres");
    private static final boolean REQUIRED = Boolean.parseBoolean(System.getenv("ZHICE_REQUIRE_SERVICES"));

    /** The first part of every key prefix this JVM hands out; its keys are deleted when the JVM exits. */
    private static final String JVM_PREFIX = "zhice-test:" + UUID.randomUUID() + ":";

    private static String redisUrl;
    private static boolean embeddedRedis;
    private static boolean cleanupRegistered;

    private TestServices() {}

    /** A Redis URL: {@code ZHICE_TEST_REDIS_URL}, else the local server on 6379, else an embedded server for this JVM. */
    public static synchronized String redisUrl() {
        if (redisUrl == null) {
            String configured = System.getenv("ZHICE_TEST_REDIS_URL");
            if (configured != null && !configured.isBlank()) {
                redisUrl = configured;
            } else if (redisAnswers("127.0.0.1", 6379)) {
                redisUrl = "redis://127.0.0.1:6379";
            } else if (REQUIRED) {
                throw new IllegalStateException("ZHICE_REQUIRE_SERVICES is set but no Redis answers on 127.0.0.1:6379");
            } else {
                redisUrl = startEmbeddedRedis();
                embeddedRedis = true;
            }
        }
        return redisUrl;
    }

    private static String startEmbeddedRedis() {
        try {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting; the process dies with it
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded Redis server for tests", e);
        }
    }

    /**
     * A key prefix no other test run uses, so runs sharing one Redis never see each other's data. All prefixes of this
     * JVM share a first part, and the JVM deletes every key under it when it exits: limit buckets and sessions carry
     * TTLs of days, and a test that forgets them (or a run that is killed between tests) must not leave them behind.
     */
    public static String uniquePrefix() {
        deleteKeysOnExit();
        return JVM_PREFIX + UUID.randomUUID() + ":";
    }

    private static synchronized void deleteKeysOnExit() {
        if (cleanupRegistered) {
            return;
        }
        cleanupRegistered = true;
        String url = redisUrl();
        if (embeddedRedis) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                RedisKeys.deleteAll(url, JVM_PREFIX);
            } catch (RuntimeException e) {
                System.err.println("Could not delete this test run's Redis keys (" + JVM_PREFIX + "*): " + e);
            }
        }, "delete-test-redis-keys"));
    }

    /** Whether PostgreSQL answers; when services are required and it does not, fails instead of skipping. */
    public static boolean postgresAvailable() {
        boolean reachable;
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
        }
        if (!reachable && REQUIRED) {
            throw new IllegalStateException("ZHICE_REQUIRE_SERVICES is set but PostgreSQL is not reachable at " + POSTGRES_URL);
        }
        return reachable;
    }

    /** Creates a fresh schema for one test context and returns its name. */
    public static String createPostgresSchema() {
        String schema = "zhice_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create schema " + schema);
        return schema;
    }

    public static void dropPostgresSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static boolean redisAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            int read = in.readNBytes(reply, 0, 7);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
