package cn.zhice.bot.dialogue;

import cn.zhice.bot.understanding.Understood;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The conversation log, tickets for staff, and users' push and enterprise settings, in the database. */
@Repository
class Conversations {

    private final JdbcClient jdbc;
    private final Clock clock;

    Conversations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Logs one turn and returns its id. */
    long record(Turn turn, Understood understood, Outcome outcome, String entryId, Double topScore) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bot_turn (user_id, channel, text, normalized, intent, confidence, outcome, entry_id,
                                      top_score, created_at)
                values (:user, :channel, :text, :normalized, :intent, :confidence, :outcome, :entry, :score, :now)""")
                .param("user", turn.userId())
                .param("channel", turn.channel().name())
                .param("text", clip(turn.text()))
                .param("normalized", clip(understood.normalized()))
                .param("intent", understood.intent().label())
                .param("confidence", understood.confidence())
                .param("outcome", outcome.name())
                .param("entry", entryId)
                .param("score", topScore)
                .param("now", now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Stores the user's rating on one of their own answered turns, replacing an earlier rating (the last word counts).
     * Returns whether the turn was found.
     */
    boolean rate(Turn rating, long answeredTurn, boolean satisfied) {
        return jdbc.sql("""
                update bot_turn set rating = :rating, rated_at = :now
                where id = :id and user_id = :user and channel = :channel""")
                .param("rating", satisfied ? "SATISFIED" : "DISSATISFIED")
                .param("now", now())
                .param("id", answeredTurn)
                .param("user", rating.userId())
                .param("channel", rating.channel().name())
                .update() > 0;
    }

    /** Records a question for staff and returns the ticket number. */
    long openTicket(Turn turn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bot_ticket (user_id, channel, question, status, created_at)
                values (:user, :channel, :question, 'OPEN', :now)""")
                .param("user", turn.userId())
                .param("channel", turn.channel().name())
                .param("question", clip(turn.text()))
                .param("now", now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void setPushOptOut(Turn turn, boolean optedOut) {
        upsertPreference(turn, "push_opted_out", optedOut);
    }

    void bindEnterprise(Turn turn, String uscc) {
        upsertPreference(turn, "uscc", uscc);
    }

    /** The USCC this user is bound to, if any. */
    Optional<String> boundEnterprise(Turn turn) {
        return jdbc.sql("select uscc from bot_user_preference where user_id = :user and channel = :channel")
                .param("user", turn.userId())
                .param("channel", turn.channel().name())
                .query(String.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    private void upsertPreference(Turn turn, String column, Object value) {
        int updated = jdbc.sql("update bot_user_preference set " + column + " = :value, updated_at = :now"
                        + " where user_id = :user and channel = :channel")
                .param("value", value)
                .param("now", now())
                .param("user", turn.userId())
                .param("channel", turn.channel().name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into bot_user_preference (user_id, channel, push_opted_out, uscc, updated_at)
                    values (:user, :channel, :optedOut, :uscc, :now)""")
                    .param("user", turn.userId())
                    .param("channel", turn.channel().name())
                    .param("optedOut", "push_opted_out".equals(column) && Boolean.TRUE.equals(value))
                    .param("uscc", "uscc".equals(column) ? value : null)
                    .param("now", now())
                    .update();
        }
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
