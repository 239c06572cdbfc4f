package cn.zhice.push.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics of the outbox tables up to date while a campaign fills them. A table that
 * grows from empty to 100,000 rows in a minute is otherwise planned as nearly empty (sequential scans for every claim
 * and look-up) until autovacuum gets to it; here a table is analysed each time it has grown fourfold since its last
 * analysis. The analysis runs on a connection of its own, outside the caller's transaction, so its table lock never
 * waits on the caller's row locks. Nothing to do on H2.
 */
final class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);
    /** Below this many rows any plan is fast enough. */
    private static final long SMALL = 1_000;

    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final Map<String, Growth> tables = new HashMap<>();

    private static final class Growth {
        long analyzed = -1;
        long since;
        boolean running;
    }

    PlannerStatistics(JdbcTemplate jdbc, boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    /** Notes {@code rows} new rows in {@code table}; starts an analysis when it has grown fourfold. */
    void grew(String table, int rows) {
        if (!enabled || rows == 0) {
            return;
        }
        Growth growth;
        synchronized (this) {
            growth = tables.computeIfAbsent(table, t -> new Growth());
            if (growth.analyzed < 0) {
                Long estimate = jdbc.queryForObject("select reltuples::bigint from pg_class where oid = to_regclass(?)",
                        Long.class, table);
                growth.analyzed = estimate == null ? 0 : Math.max(0, estimate);
            }
            growth.since += rows;
            if (growth.running || growth.since < Math.max(SMALL, 3 * growth.analyzed)) {
                return;
            }
            growth.analyzed += growth.since;
            growth.since = 0;
            growth.running = true;
        }
        CompletableFuture.runAsync(() -> {
            try {
                jdbc.execute("analyze " + table);
            } catch (RuntimeException e) {
                log.warn("Could not analyze {}: {}", table, e.getMessage());
            } finally {
                synchronized (this) {
                    growth.running = false;
                }
            }
        });
    }
}
