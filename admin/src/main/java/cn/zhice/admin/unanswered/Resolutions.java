package cn.zhice.admin.unanswered;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What staff decided about flagged turns: LINKED to an entry, FAQ drafted from them, or IGNORED. */
@Repository
class Resolutions {

    private final JdbcClient jdbc;
    private final Clock clock;

    Resolutions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Set<Long> resolvedTurns() {
        return new HashSet<>(jdbc.sql("select turn_id from unanswered_resolution").query(Long.class).list());
    }

    void resolve(Collection<Long> turnIds, String action, String entryId, String staff, boolean notified) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (Long turnId : turnIds) {
            jdbc.sql("delete from unanswered_resolution where turn_id = :id").param("id", turnId).update();
            jdbc.sql("""
                    insert into unanswered_resolution (turn_id, action, entry_id, resolved_by, resolved_at, notified_at)
                    values (:id, :action, :entry, :staff, :now, :notified)""")
                    .param("id", turnId)
                    .param("action", action)
                    .param("entry", entryId)
                    .param("staff", staff)
                    .param("now", now)
                    .param("notified", notified ? now : null)
                    .update();
        }
    }

    /** Turns waiting for {@code entryId}'s first publication to be answered. */
    List<Long> awaiting(String entryId) {
        return jdbc.sql("select turn_id from unanswered_resolution where entry_id = :entry and notified_at is null")
                .param("entry", entryId)
                .query(Long.class)
                .list();
    }

    void notified(Collection<Long> turnIds) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (Long turnId : turnIds) {
            jdbc.sql("update unanswered_resolution set notified_at = :now where turn_id = :id")
                    .param("now", now).param("id", turnId).update();
        }
    }
}
