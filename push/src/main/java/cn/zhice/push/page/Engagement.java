package cn.zhice.push.page;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Clicks on tracked links and 有用/没用 votes, one row per delivery (the latest vote counts). */
final class Engagement {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Engagement(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void clicked(long deliveryId) {
        if (jdbc.update("update push_click set clicks = clicks + 1 where delivery_id = ?", deliveryId) == 0) {
            try {
                jdbc.update("insert into push_click (delivery_id, first_at, clicks) values (?, ?, 1)", deliveryId, OffsetDateTime.now(clock));
            } catch (DuplicateKeyException raced) {
                jdbc.update("update push_click set clicks = clicks + 1 where delivery_id = ?", deliveryId);
            }
        }
    }

    void vote(long deliveryId, boolean useful) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (jdbc.update("update push_feedback set useful = ?, voted_at = ? where delivery_id = ?", useful, now, deliveryId) == 0) {
            try {
                jdbc.update("insert into push_feedback (delivery_id, useful, voted_at) values (?, ?, ?)", deliveryId, useful, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("update push_feedback set useful = ?, voted_at = ? where delivery_id = ?", useful, now, deliveryId);
            }
        }
    }

    Optional<Boolean> vote(long deliveryId) {
        return jdbc.queryForList("select useful from push_feedback where delivery_id = ?", Boolean.class, deliveryId).stream().findFirst();
    }
}
