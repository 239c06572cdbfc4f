package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import cn.zhice.push.Suppression;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/**
 * The durable outbox: one row per (campaign, enterprise, channel, kind) with an idempotency key, claimed with
 * {@code FOR UPDATE SKIP LOCKED} so that any number of instances share the work without sending a row twice. Status
 * moves PENDING → SENDING (committed before the provider is called) → SENT / DELIVERED / FAILED / DEAD, or
 * SUPPRESSED; a SENDING row whose lease ran out is a crash leftover and is reconciled, never blindly resent.
 */
public final class Outbox {

    static final String COLUMNS = "id, campaign_id, policy_external_id, uscc, channel, kind, code, eligibility, attempts, "
            + "fallback, quiet_deferred, updated_at";

    private static final RowMapper<Delivery> DELIVERY = Outbox::delivery;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean postgres;
    private final PlannerStatistics statistics;

    public Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = Postgres.backs(jdbc);
        this.statistics = new PlannerStatistics(jdbc, postgres);
    }

    /** A planned row: status PENDING or SUPPRESSED (with a reason) at planning time. */
    public record Planned(long campaignId, String policyExternalId, String uscc, Channel channel, DeliveryKind kind,
            String eligibility, Instant dueAt, Suppression suppressed, String fallback) {

        String idempotencyKey() {
            return idempotencyKey(campaignId, uscc, channel, kind);
        }

        static String idempotencyKey(long campaignId, String uscc, Channel channel, DeliveryKind kind) {
            return campaignId + ":" + uscc + ":" + channel.name() + ":" + kind.name();
        }
    }

    /** Inserts planned rows in batches (call inside the planning transaction). */
    public void insert(List<Planned> rows) {
        OffsetDateTime now = now();
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Planned> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            jdbc.batchUpdate("insert into push_delivery (campaign_id, policy_external_id, uscc, channel, kind, idempotency_key, "
                    + "code, eligibility, status, reason, fallback, due_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chunk, chunk.size(), (ps, row) -> {
                        ps.setLong(1, row.campaignId());
                        ps.setString(2, row.policyExternalId());
                        ps.setString(3, row.uscc());
                        ps.setString(4, row.channel().name());
                        ps.setString(5, row.kind().name());
                        ps.setString(6, row.idempotencyKey());
                        ps.setString(7, Codes.next());
                        ps.setString(8, row.eligibility());
                        ps.setString(9, row.suppressed() == null ? "PENDING" : "SUPPRESSED");
                        ps.setString(10, row.suppressed() == null ? null : row.suppressed().name());
                        ps.setString(11, row.fallback());
                        ps.setObject(12, OffsetDateTime.ofInstant(row.dueAt(), ZoneOffset.UTC));
                        ps.setObject(13, now);
                    });
        }
        statistics.grew("push_delivery", rows.size());
    }

    /** Adds the fallback delivery on the next channel unless the campaign already has one there. */
    public boolean insertFallback(Delivery from, Channel next, String rest) {
        String key = Planned.idempotencyKey(from.campaignId(), from.uscc(), next, from.kind());
        Integer exists = jdbc.queryForObject("select count(*) from push_delivery where idempotency_key = ?", Integer.class, key);
        if (exists != null && exists > 0) {
            return false;
        }
        insert(List.of(new Planned(from.campaignId(), from.policyExternalId(), from.uscc(), next, from.kind(),
                from.eligibility(), clock.instant(), null, rest == null || rest.isEmpty() ? null : rest)));
        return true;
    }

    /** Locks up to {@code limit} due PENDING rows, skipping rows another instance holds. Call inside a transaction. */
    public List<Delivery> claimDue(int limit) {
        if (postgres) {
            return jdbc.query("select " + COLUMNS + " from push_delivery where status = 'PENDING' and due_at <= ? "
                    + "order by due_at fetch first " + limit + " rows only for update skip locked", DELIVERY, now());
        }
        // H2 does not see that the (status, due_at) index already yields due rows in order: with ORDER BY it reads
        // and sorts every due row of the table for each claim (its plan shows no "index sorted"), and under load the
        // outcome writes timed out on its locks. Without it, it walks that index, oldest first, and stops at the limit.
        return jdbc.query("select " + COLUMNS + " from push_delivery where status = 'PENDING' and due_at <= ? "
                + "fetch first " + limit + " rows only for update skip locked", DELIVERY, now());
    }

    /** Locks SENDING rows whose lease ran out: what a crashed worker left behind. Call inside a transaction. */
    public List<Delivery> claimExpiredLeases(int limit) {
        return jdbc.query("select " + COLUMNS + " from push_delivery where status = 'SENDING' and lease_until < ? "
                + "fetch first " + limit + " rows only for update skip locked", DELIVERY, now());
    }

    /** For each row, the delivery that already reached its (policy, enterprise, channel, kind), if any. */
    public Map<Long, Long> reachedBy(List<Delivery> rows) {
        Map<Long, Long> result = new HashMap<>();
        Map<String, List<Delivery>> byGroup = new HashMap<>();
        for (Delivery row : rows) {
            byGroup.computeIfAbsent(row.policyExternalId() + "|" + row.channel().name() + "|" + row.kind().name(),
                    k -> new ArrayList<>()).add(row);
        }
        // every column of the primary key is named, so each enterprise is one point look-up in it
        byGroup.forEach((group, list) -> {
            for (int from = 0; from < list.size(); from += 500) {
                List<Delivery> chunk = list.subList(from, Math.min(list.size(), from + 500));
                Delivery first = chunk.get(0);
                Map<String, Long> byUscc = new HashMap<>();
                RowCallbackHandler collect = rs -> {
                    byUscc.put(rs.getString(1), rs.getLong(2));
                };
                if (postgres) {
                    jdbc.query(connection -> {
                        PreparedStatement ps = connection.prepareStatement("select uscc, delivery_id from push_reach "
                                + "where policy_external_id = ? and uscc = any (?) and channel = ? and kind = ?");
                        ps.setString(1, first.policyExternalId());
                        ps.setArray(2, connection.createArrayOf("varchar", chunk.stream().map(Delivery::uscc).toArray()));
                        ps.setString(3, first.channel().name());
                        ps.setString(4, first.kind().name());
                        return ps;
                    }, collect);
                } else {
                    // H2 looks an IN list up in an index only on the index's first column; a list of whole keys it
                    // looks up row by row in the primary key
                    List<Object> args = new ArrayList<>();
                    chunk.forEach(row -> {
                        args.add(row.policyExternalId());
                        args.add(row.uscc());
                        args.add(row.channel().name());
                        args.add(row.kind().name());
                    });
                    jdbc.query("select uscc, delivery_id from push_reach where (policy_external_id, uscc, channel, kind) in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")) + ")", collect, args.toArray());
                }
                for (Delivery row : chunk) {
                    Long by = byUscc.get(row.uscc());
                    if (by != null) {
                        result.put(row.id(), by);
                    }
                }
            }
        });
        return result;
    }

    /** Marks rows SENDING with a lease and writes their "ever reached" guard rows; commit before calling providers. */
    public void markSending(List<Delivery> rows, Instant leaseUntil, List<Delivery> newReach) {
        OffsetDateTime now = now();
        jdbc.batchUpdate("insert into push_reach (policy_external_id, uscc, channel, kind, delivery_id, reached_at) values (?, ?, ?, ?, ?, ?)",
                newReach, 500, (ps, row) -> {
                    ps.setString(1, row.policyExternalId());
                    ps.setString(2, row.uscc());
                    ps.setString(3, row.channel().name());
                    ps.setString(4, row.kind().name());
                    ps.setLong(5, row.id());
                    ps.setObject(6, now);
                });
        statistics.grew("push_reach", newReach.size());
        OffsetDateTime lease = OffsetDateTime.ofInstant(leaseUntil, ZoneOffset.UTC);
        jdbc.batchUpdate("update push_delivery set status = 'SENDING', attempts = attempts + 1, lease_until = ?, updated_at = ? where id = ?",
                rows, 500, (ps, row) -> {
                    ps.setObject(1, lease);
                    ps.setObject(2, now);
                    ps.setLong(3, row.id());
                });
    }

    /** One state change of one row, applied in batches by {@link #apply}. */
    public sealed interface Change {
        long id();

        record Sent(long id, String providerId) implements Change {}

        record Retry(long id, Instant dueAt, String error) implements Change {}

        record Defer(long id, Instant dueAt, boolean quiet) implements Change {}

        record Failed(long id, String error) implements Change {}

        record Dead(long id, String error) implements Change {}

        record Unknown(long id, String error) implements Change {}

        record Suppressed(long id, Suppression reason) implements Change {}

        /** Back to PENDING after reconciliation showed the message never left (the attempt is not counted). */
        record NotSent(long id) implements Change {}
    }

    /** Applies state changes; SENDING rows only change if they are still SENDING (a callback may have been faster). */
    public void apply(List<? extends Change> changes) {
        OffsetDateTime now = now();
        Map<Class<?>, List<Change>> byType = new HashMap<>();
        for (Change change : changes) {
            byType.computeIfAbsent(change.getClass(), k -> new ArrayList<>()).add(change);
        }
        byType.forEach((type, list) -> {
            if (type == Change.Sent.class && postgres) {
                sent(list);
            } else if (type == Change.Sent.class) {
                int[][] updated = jdbc.batchUpdate("update push_delivery set status = 'SENT', provider_id = ?, sent_at = ?, "
                        + "lease_until = null, updated_at = ? where id = ? and status = 'SENDING'", list, 500, (ps, c) -> {
                            ps.setString(1, ((Change.Sent) c).providerId());
                            ps.setObject(2, now);
                            ps.setObject(3, now);
                            ps.setLong(4, c.id());
                        });
                // a row that was no longer SENDING got its provider id from the report that was faster
                List<Change.Sent> sent = new ArrayList<>(list.size());
                for (int batch = 0, i = 0; batch < updated.length; batch++) {
                    for (int count : updated[batch]) {
                        Change.Sent change = (Change.Sent) list.get(i++);
                        if (count != 0 && change.providerId() != null) {
                            sent.add(change);
                        }
                    }
                }
                jdbc.batchUpdate("insert into push_provider_message (provider_id, delivery_id) values (?, ?)", sent, 500,
                        (ps, c) -> {
                            ps.setString(1, c.providerId());
                            ps.setLong(2, c.id());
                        });
            } else if (type == Change.Retry.class) {
                jdbc.batchUpdate("update push_delivery set status = 'PENDING', due_at = ?, last_error = ?, lease_until = null, "
                        + "updated_at = ? where id = ? and status = 'SENDING'", list, 500, (ps, c) -> {
                            Change.Retry retry = (Change.Retry) c;
                            ps.setObject(1, OffsetDateTime.ofInstant(retry.dueAt(), ZoneOffset.UTC));
                            ps.setString(2, truncate(retry.error()));
                            ps.setObject(3, now);
                            ps.setLong(4, c.id());
                        });
            } else if (type == Change.Defer.class) {
                jdbc.batchUpdate("update push_delivery set due_at = ?, quiet_deferred = (quiet_deferred or ?), updated_at = ? "
                        + "where id = ? and status = 'PENDING'", list, 500, (ps, c) -> {
                            Change.Defer defer = (Change.Defer) c;
                            ps.setObject(1, OffsetDateTime.ofInstant(defer.dueAt(), ZoneOffset.UTC));
                            ps.setBoolean(2, defer.quiet());
                            ps.setObject(3, now);
                            ps.setLong(4, c.id());
                        });
            } else if (type == Change.Failed.class || type == Change.Dead.class || type == Change.Unknown.class) {
                String status = type == Change.Failed.class ? "FAILED" : type == Change.Dead.class ? "DEAD" : "UNKNOWN";
                jdbc.batchUpdate("update push_delivery set status = '" + status + "', last_error = ?, lease_until = null, "
                        + "updated_at = ? where id = ? and status in ('SENDING', 'PENDING')", list, 500, (ps, c) -> {
                            String error = c instanceof Change.Failed f ? f.error() : c instanceof Change.Dead d ? d.error()
                                    : ((Change.Unknown) c).error();
                            ps.setString(1, truncate(error));
                            ps.setObject(2, now);
                            ps.setLong(3, c.id());
                        });
            } else if (type == Change.Suppressed.class) {
                jdbc.batchUpdate("update push_delivery set status = 'SUPPRESSED', reason = ?, lease_until = null, updated_at = ? "
                        + "where id = ? and status in ('SENDING', 'PENDING')", list, 500, (ps, c) -> {
                            ps.setString(1, ((Change.Suppressed) c).reason().name());
                            ps.setObject(2, now);
                            ps.setLong(3, c.id());
                        });
            } else if (type == Change.NotSent.class) {
                jdbc.batchUpdate("update push_delivery set status = 'PENDING', attempts = attempts - 1, lease_until = null, "
                        + "due_at = ?, updated_at = ? where id = ? and status = 'SENDING'", list, 500, (ps, c) -> {
                            ps.setObject(1, now);
                            ps.setObject(2, now);
                            ps.setLong(3, c.id());
                        });
            }
        });
    }

    /**
     * SENDING → SENT for many rows in one statement per thousand (PostgreSQL): the ids and provider ids travel as two
     * arrays, instead of one statement execution per row in a JDBC batch; the same statement files the provider ids of
     * the rows it changed.
     */
    private void sent(List<Change> list) {
        OffsetDateTime now = now();
        for (int from = 0; from < list.size(); from += 1000) {
            List<Change> chunk = list.subList(from, Math.min(list.size(), from + 1000));
            jdbc.update(connection -> {
                PreparedStatement ps = connection.prepareStatement("with sent as (update push_delivery d set status = 'SENT', "
                        + "provider_id = s.provider_id, sent_at = ?, lease_until = null, updated_at = ? "
                        + "from unnest(?, ?) as s(id, provider_id) where d.id = s.id and d.status = 'SENDING' "
                        + "returning d.id, d.provider_id) "
                        + "insert into push_provider_message (provider_id, delivery_id) "
                        + "select provider_id, id from sent where provider_id is not null");
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setArray(3, connection.createArrayOf("bigint", chunk.stream().map(Change::id).toArray()));
                ps.setArray(4, connection.createArrayOf("varchar",
                        chunk.stream().map(c -> ((Change.Sent) c).providerId()).toArray()));
                return ps;
            });
        }
    }

    /** Releases the "ever reached" guard of deliveries that certainly did not reach the enterprise. */
    public void releaseReach(List<Long> deliveryIds) {
        jdbc.batchUpdate("delete from push_reach where delivery_id = ?", deliveryIds, 500, (ps, id) -> ps.setLong(1, id));
    }

    /** The row with a tracked-link code. */
    public Optional<Delivery> byCode(String code) {
        return jdbc.query("select " + COLUMNS + " from push_delivery where code = ?", DELIVERY, code).stream().findFirst();
    }

    /** The row a provider message id belongs to. */
    public Optional<Delivery> byProviderId(String providerId) {
        return jdbc.query("select " + COLUMNS + " from push_delivery where id in "
                + "(select delivery_id from push_provider_message where provider_id = ?)", DELIVERY, providerId).stream().findFirst();
    }

    public Optional<Delivery> byId(long id) {
        return jdbc.query("select " + COLUMNS + " from push_delivery where id = ?", DELIVERY, id).stream().findFirst();
    }

    /** A provider reported the message delivered (from SENDING too: the report may beat our own bookkeeping). */
    public boolean delivered(long id, String providerId) {
        OffsetDateTime now = now();
        boolean changed = jdbc.update("update push_delivery set status = 'DELIVERED', provider_id = coalesce(provider_id, ?), "
                + "sent_at = coalesce(sent_at, ?), lease_until = null, updated_at = ? where id = ? and status in ('SENDING', 'SENT')",
                providerId, now, now, id) > 0;
        if (changed) {
            fileProviderId(id, providerId);
        }
        return changed;
    }

    /** A provider reported the message undelivered after accepting it. */
    public boolean undelivered(long id, String providerId, String error) {
        OffsetDateTime now = now();
        boolean changed = jdbc.update("update push_delivery set status = 'FAILED', provider_id = coalesce(provider_id, ?), last_error = ?, "
                + "lease_until = null, updated_at = ? where id = ? and status in ('SENDING', 'SENT', 'DELIVERED')",
                providerId, truncate(error), now, id) > 0;
        if (changed) {
            fileProviderId(id, providerId);
        }
        return changed;
    }

    /**
     * Files the provider id a report named for a row it changed, unless filed already: the report may have beaten the
     * SENT write, which then changes nothing and files nothing.
     */
    private void fileProviderId(long id, String providerId) {
        if (providerId == null) {
            return;
        }
        jdbc.update("insert into push_provider_message (provider_id, delivery_id) select ?, id from push_delivery "
                + "where id = ? and not exists (select 1 from push_provider_message where provider_id = ? and delivery_id = ?)",
                providerId, id, providerId, id);
    }

    /** Counts rows of a campaign by status (and suppressed by reason as {@code SUPPRESSED:REASON}). */
    public Map<String, Integer> countsByStatus(long campaignId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select status, reason, count(*) from push_delivery where campaign_id = ? group by status, reason", rs -> {
            String key = "SUPPRESSED".equals(rs.getString(1)) ? "SUPPRESSED:" + rs.getString(2) : rs.getString(1);
            counts.merge(key, rs.getInt(3), Integer::sum);
        }, campaignId);
        return counts;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }

    static Delivery delivery(ResultSet rs, int row) throws SQLException {
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new Delivery(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("policy_external_id"),
                rs.getString("uscc"), Channel.valueOf(rs.getString("channel")), DeliveryKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("eligibility"), rs.getInt("attempts"), rs.getString("fallback"),
                rs.getBoolean("quiet_deferred"), updated == null ? null : updated.toInstant());
    }
}
