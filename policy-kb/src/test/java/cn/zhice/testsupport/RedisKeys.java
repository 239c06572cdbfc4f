package cn.zhice.testsupport;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Deletes what a test run or a benchmark wrote to a shared Redis, by key prefix. Scans in pages and unlinks them, so
 * a run that wrote hundreds of thousands of keys never blocks the server the way {@code KEYS} would.
 */
public final class RedisKeys {

    private RedisKeys() {}

    /** Deletes every key starting with {@code prefix}; returns how many there were. */
    public static long deleteAll(String redisUrl, String prefix) {
        RedisClient client = RedisClient.create(redisUrl);
        try {
            return deleteAll(client, prefix);
        } finally {
            client.shutdown();
        }
    }

    /** The same through a client the caller already has, whose event loops are reused for one more connection. */
    public static long deleteAll(RedisClient client, String prefix) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            ScanArgs matching = ScanArgs.Builder.matches(prefix + "*").limit(1000);
            long deleted = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, matching);
                if (!page.getKeys().isEmpty()) {
                    deleted += commands.unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return deleted;
        }
    }
}
