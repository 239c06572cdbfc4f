package cn.zhice.push.campaign;

import cn.zhice.push.CampaignKind;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Channel;
import cn.zhice.push.DeadLetter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Campaign rows, their explicit targets, and the counts the funnel is made of. */
final class CampaignStore {

    /** A campaign row. */
    record Row(long id, String policyExternalId, List<Channel> channels, CampaignKind kind, CampaignStatus status,
            Instant scheduledAt, String createdBy, Instant createdAt, String approvedBy, Instant approvedAt,
            Instant finishedAt) {}

    private static final RowMapper<Row> ROW = CampaignStore::row;
    private static final String COLUMNS = "id, policy_external_id, channels, kind, status, scheduled_at, created_by, "
            + "created_at, approved_by, approved_at, finished_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CampaignStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(String policyExternalId, List<Channel> channels, CampaignKind kind, CampaignStatus status,
            Instant scheduledAt, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into push_campaign (policy_external_id, channels, kind, status, "
                    + "scheduled_at, created_by, created_at, approved_by, approved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, policyExternalId);
            ps.setString(2, String.join(",", channels.stream().map(Channel::name).toList()));
            ps.setString(3, kind.name());
            ps.setString(4, status.name());
            ps.setObject(5, scheduledAt == null ? null : OffsetDateTime.ofInstant(scheduledAt, ZoneOffset.UTC));
            ps.setString(6, createdBy);
            ps.setObject(7, now);
            boolean approved = status == CampaignStatus.APPROVED;
            ps.setString(8, approved ? createdBy : null);
            ps.setObject(9, approved ? now : null);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from push_campaign where id = ?", ROW, id).stream().findFirst();
    }

    List<Row> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from push_campaign order by id desc fetch first " + limit + " rows only", ROW);
    }

    boolean approve(long id, String actor) {
        return jdbc.update("update push_campaign set status = 'APPROVED', approved_by = ?, approved_at = ? "
                + "where id = ? and status = 'PENDING_APPROVAL'", actor, now(), id) > 0;
    }

    boolean cancel(long id) {
        return jdbc.update("update push_campaign set status = 'CANCELLED', finished_at = ? "
                + "where id = ? and status in ('PENDING_APPROVAL', 'APPROVED')", now(), id) > 0;
    }

    /** Approved campaigns whose time has come, and running ones whose planner's lease ran out (it crashed). */
    List<Long> due() {
        OffsetDateTime now = now();
        return jdbc.queryForList("select id from push_campaign where (status = 'APPROVED' and (scheduled_at is null or scheduled_at <= ?)) "
                + "or (status = 'RUNNING' and planning_until < ?) order by id", Long.class, now, now);
    }

    /**
     * Takes the planning lease: moves an approved campaign to RUNNING, or takes over a running one whose planner's lease
     * ran out. False when another instance holds the lease or planned the campaign already.
     */
    boolean lease(long id, String planner, Instant until) {
        OffsetDateTime now = now();
        return jdbc.update("update push_campaign set status = 'RUNNING', planned_at = coalesce(planned_at, ?), planner = ?, "
                + "planning_until = ? where id = ? and (status = 'APPROVED' or (status = 'RUNNING' and planning_until < ?))",
                now, planner, OffsetDateTime.ofInstant(until, ZoneOffset.UTC), id, now) > 0;
    }

    /**
     * Extends the planning lease; false when another planner took it over. Called in the transaction that commits a
     * chunk of rows: the campaign row stays locked until the chunk is committed, so a takeover waits for it.
     */
    boolean renew(long id, String planner, Instant until) {
        return jdbc.update("update push_campaign set planning_until = ? where id = ? and planner = ? and planning_until is not null",
                OffsetDateTime.ofInstant(until, ZoneOffset.UTC), id, planner) > 0;
    }

    /** Ends planning; the campaign may finish once its rows are settled. Call in the transaction of the last chunk. */
    boolean planned(long id, String planner) {
        return jdbc.update("update push_campaign set planner = null, planning_until = null where id = ? and planner = ?", id, planner) > 0;
    }

    /** Enterprises that already have outbox rows in a campaign (committed by an earlier planner). */
    Set<String> plannedEnterprises(long campaignId) {
        return new HashSet<>(jdbc.queryForList("select distinct uscc from push_delivery where campaign_id = ?", String.class, campaignId));
    }

    /** Finishes running campaigns that are fully planned and have nothing left to send; returns how many. */
    int finishDone() {
        return jdbc.update("update push_campaign set status = 'FINISHED', finished_at = ? where status = 'RUNNING' "
                + "and planning_until is null and not exists "
                + "(select 1 from push_delivery d where d.campaign_id = push_campaign.id and d.status in ('PENDING', 'SENDING'))", now());
    }

    void addTarget(long campaignId, String uscc) {
        Integer exists = jdbc.queryForObject("select count(*) from push_campaign_target where campaign_id = ? and uscc = ?",
                Integer.class, campaignId, uscc);
        if (exists == null || exists == 0) {
            jdbc.update("insert into push_campaign_target (campaign_id, uscc) values (?, ?)", campaignId, uscc);
        }
    }

    /** The enterprises a campaign is restricted to, or empty when it targets everyone eligible. */
    Set<String> targets(long campaignId) {
        return new HashSet<>(jdbc.queryForList("select uscc from push_campaign_target where campaign_id = ?", String.class, campaignId));
    }

    Optional<Long> pending(String policyExternalId, CampaignKind kind) {
        return jdbc.queryForList("select id from push_campaign where policy_external_id = ? and kind = ? and status = 'PENDING_APPROVAL' "
                + "order by id", Long.class, policyExternalId, kind.name()).stream().findFirst();
    }

    boolean exists(String policyExternalId, CampaignKind kind) {
        Integer count = jdbc.queryForObject("select count(*) from push_campaign where policy_external_id = ? and kind = ?",
                Integer.class, policyExternalId, kind.name());
        return count != null && count > 0;
    }

    /** (uscc|channel) pairs that already received a policy in a kind. */
    Set<String> reached(String policyExternalId, String kind) {
        Set<String> result = new HashSet<>();
        jdbc.query("select uscc, channel from push_reach where policy_external_id = ? and kind = ?",
                rs -> {
                    result.add(rs.getString(1) + "|" + rs.getString(2));
                }, policyExternalId, kind);
        return result;
    }

    /** Enterprises a policy reached as a notice. */
    Set<String> noticed(String policyExternalId) {
        return new HashSet<>(jdbc.queryForList("select distinct uscc from push_reach where policy_external_id = ? and kind = 'NOTICE'",
                String.class, policyExternalId));
    }

    int targeted(long campaignId) {
        Integer count = jdbc.queryForObject("select count(distinct uscc) from push_delivery where campaign_id = ?", Integer.class, campaignId);
        return count == null ? 0 : count;
    }

    int quietDeferred(long campaignId) {
        Integer count = jdbc.queryForObject("select count(*) from push_delivery where campaign_id = ? and quiet_deferred = true",
                Integer.class, campaignId);
        return count == null ? 0 : count;
    }

    int clicked(long campaignId) {
        Integer count = jdbc.queryForObject("select count(*) from push_click c join push_delivery d on d.id = c.delivery_id "
                + "where d.campaign_id = ?", Integer.class, campaignId);
        return count == null ? 0 : count;
    }

    Map<Boolean, Integer> feedback(long campaignId) {
        Map<Boolean, Integer> votes = new HashMap<>();
        jdbc.query("select f.useful, count(*) from push_feedback f join push_delivery d on d.id = f.delivery_id "
                + "where d.campaign_id = ? group by f.useful", rs -> {
                    votes.put(rs.getBoolean(1), rs.getInt(2));
                }, campaignId);
        return votes;
    }

    List<DeadLetter> deadLetters(int limit) {
        return jdbc.query("select id, campaign_id, policy_external_id, uscc, channel, status, attempts, last_error, updated_at "
                + "from push_delivery where status in ('DEAD', 'UNKNOWN') order by updated_at desc fetch first " + limit + " rows only",
                (rs, n) -> new DeadLetter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()));
    }

    /** Puts a dead letter back: PENDING, attempts from zero, due now; the campaign runs again until it is settled. */
    boolean retry(long deliveryId) {
        int updated = jdbc.update("update push_delivery set status = 'PENDING', attempts = 0, due_at = ?, last_error = null, "
                + "updated_at = ? where id = ? and status = 'DEAD'", now(), now(), deliveryId);
        if (updated > 0) {
            jdbc.update("update push_campaign set status = 'RUNNING', finished_at = null where id = "
                    + "(select campaign_id from push_delivery where id = ?)", deliveryId);
        }
        return updated > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("policy_external_id"),
                Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).toList(),
                CampaignKind.valueOf(rs.getString("kind")), CampaignStatus.valueOf(rs.getString("status")),
                instant(rs, "scheduled_at"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("approved_by"), instant(rs, "approved_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
