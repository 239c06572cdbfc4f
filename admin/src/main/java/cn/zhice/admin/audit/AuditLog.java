package cn.zhice.admin.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 审计日志: who changed what and when. Append-only by construction: this class only inserts and reads, no endpoint
 * maps to an update or delete, and on PostgreSQL a trigger rejects UPDATE and DELETE on the table.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends one record; texts are cut to their column sizes. */
    public void record(String actor, String action, String target, String summary) {
        jdbc.sql("""
                insert into audit_log (actor, action, target, summary, created_at)
                values (:actor, :action, :target, :summary, :now)""")
                .param("actor", clip(actor == null ? "anonymous" : actor, 50))
                .param("action", clip(action, 200))
                .param("target", clip(target, 300))
                .param("summary", clip(summary, 1000))
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /** Newest first; {@code actor} and {@code text} (in action, target or summary) filter when not blank. */
    public Page page(String actor, String text, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        boolean byActor = actor != null && !actor.isBlank();
        boolean byText = text != null && !text.isBlank();
        if (byActor) {
            where.append(" and actor = :actor");
        }
        if (byText) {
            where.append(" and (lower(action) like :text or lower(target) like :text or lower(summary) like :text)");
        }
        var count = jdbc.sql("select count(*) from audit_log" + where);
        var rows = jdbc.sql("select * from audit_log" + where + " order by id desc limit :limit offset :offset")
                .param("limit", size)
                .param("offset", page * size);
        if (byActor) {
            count = count.param("actor", actor.strip());
            rows = rows.param("actor", actor.strip());
        }
        if (byText) {
            String like = "%" + text.strip().toLowerCase() + "%";
            count = count.param("text", like);
            rows = rows.param("text", like);
        }
        List<Record> records = rows.query((rs, n) -> new Record(rs.getLong("id"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("summary"),
                rs.getObject("created_at", OffsetDateTime.class))).list();
        return new Page(records, count.query(Long.class).single(), page, size);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** One audit record. */
    public record Record(long id, String actor, String action, String target, String summary, OffsetDateTime createdAt) {}

    public record Page(List<Record> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }
}
