package cn.zhice.bot.dialogue;

import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.WeChatDeliveryFailed;
import cn.zhice.bot.WeChatMessenger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ConversationLog} over the {@code bot_turn}, {@code bot_ticket} and {@code bot_user_preference} tables that
 * {@link Conversations} writes. Statistics are aggregated in Java from one streamed query so that day boundaries
 * follow the government's time zone on every database.
 */
@Repository
class JdbcConversationLog implements ConversationLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcConversationLog.class);
    // WeChat accepts 客服 messages only within 48 hours of the user's last message to the account.
    private static final Duration KEFU_WINDOW = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final WeChatMessenger messenger;
    private final Clock clock;

    JdbcConversationLog(JdbcClient jdbc, WeChatMessenger messenger, Clock clock) {
        this.jdbc = jdbc;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public List<FlaggedTurn> flagged(OffsetDateTime since, int limit) {
        return jdbc.sql("""
                select id, channel, text, normalized, intent, outcome, rating, created_at from bot_turn
                where (outcome in ('MISSED', 'CLARIFIED', 'FEEDBACK') or rating = 'DISSATISFIED')
                  and created_at >= :since
                order by created_at desc, id desc""")
                .param("since", since.withOffsetSameInstant(ZoneOffset.UTC))
                .withMaxRows(limit)
                .query((rs, n) -> new FlaggedTurn(rs.getLong("id"), rs.getString("channel"), rs.getString("text"),
                        rs.getString("normalized"), rs.getString("intent"), flag(rs.getString("outcome"), rs.getString("rating")),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    private static Flag flag(String outcome, String rating) {
        if ("DISSATISFIED".equals(rating)) {
            return Flag.DISSATISFIED;
        }
        return switch (outcome) {
            case "CLARIFIED" -> Flag.LOW_CONFIDENCE;
            case "FEEDBACK" -> Flag.DISSATISFIED;
            default -> Flag.UNANSWERED;
        };
    }

    @Override
    public int answerAskers(Collection<Long> turnIds, String text) {
        if (turnIds.isEmpty()) {
            return 0;
        }
        Set<String> users = new LinkedHashSet<>(jdbc.sql(
                        "select distinct user_id from bot_turn where channel = 'WECHAT' and id in (:ids)")
                .param("ids", turnIds)
                .query(String.class)
                .list());
        OffsetDateTime windowStart = now().minus(KEFU_WINDOW);
        int sent = 0;
        for (String user : users) {
            boolean inWindow = jdbc.sql("""
                    select count(*) from bot_turn
                    where user_id = :user and channel = 'WECHAT' and created_at >= :start""")
                    .param("user", user)
                    .param("start", windowStart)
                    .query(Long.class)
                    .single() > 0;
            if (!inWindow) {
                continue;
            }
            try {
                messenger.sendText(user, text);
                sent++;
            } catch (WeChatDeliveryFailed e) {
                log.warn("WeChat refused a follow-up answer (errcode {})", e.errorCode());
            }
        }
        return sent;
    }

    @Override
    public Stats stats(LocalDate from, LocalDate to, ZoneId zone) {
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[5]);
        }
        Map<String, Long> intents = new HashMap<>();
        Map<String, Long> entries = new HashMap<>();
        jdbc.sql("""
                select created_at, intent, outcome, entry_id, rating from bot_turn
                where created_at >= :start and created_at < :end""")
                .param("start", start)
                .param("end", end)
                .query((ResultSet rs) -> {
                    LocalDate day = rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    long[] counts = days.computeIfAbsent(day, d -> new long[5]);
                    String outcome = rs.getString("outcome");
                    String rating = rs.getString("rating");
                    // A rating counts on its answer's day; the 满意/不满意 message itself is no question.
                    if ("SATISFIED".equals(rating)) {
                        counts[3]++;
                    } else if ("DISSATISFIED".equals(rating)) {
                        counts[4]++;
                    }
                    if (Outcome.RATING.name().equals(outcome)) {
                        return;
                    }
                    counts[0]++;
                    if ("MISSED".equals(outcome)) {
                        counts[1]++;
                    } else if ("FEEDBACK".equals(outcome)) {
                        counts[2]++;
                    }
                    intents.merge(rs.getString("intent"), 1L, Long::sum);
                    String entry = rs.getString("entry_id");
                    if (entry != null && "ANSWERED".equals(outcome)) {
                        entries.merge(entry, 1L, Long::sum);
                    }
                });
        List<Day> dayList = new ArrayList<>();
        days.forEach((day, c) -> dayList.add(new Day(day, c[0], c[1], c[2], c[3], c[4])));
        List<EnterpriseHit> hits = jdbc.sql("""
                select p.uscc, t.entry_id, count(*) as hits from bot_turn t
                join bot_user_preference p on p.user_id = t.user_id and p.channel = t.channel
                where p.uscc is not null and t.entry_id is not null and t.outcome = 'ANSWERED'
                  and t.created_at >= :start and t.created_at < :end
                group by p.uscc, t.entry_id""")
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> new EnterpriseHit(rs.getString("uscc"), rs.getString("entry_id"), rs.getLong("hits")))
                .list();
        return new Stats(dayList, intents, entries, hits);
    }

    @Override
    public List<Ticket> tickets(boolean openOnly, int limit) {
        return jdbc.sql("select * from bot_ticket" + (openOnly ? " where status = 'OPEN'" : "")
                        + " order by case when status = 'OPEN' then 0 else 1 end, created_at desc, id desc")
                .withMaxRows(limit)
                .query(this::ticketRow)
                .list();
    }

    @Override
    public Optional<Ticket> ticket(long id) {
        return jdbc.sql("select * from bot_ticket where id = :id").param("id", id).query(this::ticketRow).optional();
    }

    @Override
    @Transactional
    public Ticket reply(long ticketId, String staff, String text) {
        String channel = jdbc.sql("select channel from bot_ticket where id = :id")
                .param("id", ticketId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + ticketId));
        if (Channel.WECHAT.name().equals(channel)) {
            String user = jdbc.sql("select user_id from bot_ticket where id = :id")
                    .param("id", ticketId).query(String.class).single();
            messenger.sendText(user, text);
        }
        jdbc.sql("""
                update bot_ticket set status = 'ANSWERED', answered_at = :now, answered_by = :staff, answer = :answer
                where id = :id""")
                .param("now", now())
                .param("staff", staff)
                .param("answer", text.length() <= 4000 ? text : text.substring(0, 4000))
                .param("id", ticketId)
                .update();
        return ticket(ticketId).orElseThrow();
    }

    private Ticket ticketRow(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("channel"), rs.getString("question"), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getString("answered_by"), rs.getString("answer"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
