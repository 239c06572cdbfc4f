package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.ConversationLog.Flag;
import cn.zhice.bot.understanding.Intent;
import cn.zhice.bot.understanding.IntentScore;
import cn.zhice.bot.understanding.Understood;
import cn.zhice.testsupport.TestServices;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Answer ratings in the conversation log on H2 and PostgreSQL: the last rating of an answer counts, only the asker can
 * rate it, 不满意 flags the rated question, and ratings count on their answer's day in the government's time zone.
 */
class ConversationLogRatingsIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SettableClock clock = new SettableClock();
    private String schema;

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void countsAndFlagsRatingsOnH2() {
        countsAndFlagsRatings(migrated("jdbc:h2:mem:ratings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa"));
    }

    @Test
    void countsAndFlagsRatingsOnPostgres() {
        Assumptions.assumeTrue(TestServices.postgresAvailable(), "PostgreSQL not reachable");
        schema = TestServices.createPostgresSchema();
        countsAndFlagsRatings(migrated(TestServices.postgresUrl(schema), TestServices.POSTGRES_USER));
    }

    private void countsAndFlagsRatings(JdbcClient jdbc) {
        Conversations conversations = new Conversations(jdbc, clock);
        ConversationLog log = new JdbcConversationLog(jdbc, (openId, text) -> { }, clock);
        Turn asker = new Turn("web:asker", "", Channel.WEB);
        // 23:59 on 3 December in Shanghai; the 满意 comes two minutes later, on the 4th.
        clock.at("2026-12-03T15:59:00Z");
        long lateAnswer = conversations.record(turn("营业执照怎么申请"), understood("营业执照怎么申请", Intent.HOW_TO_APPLY),
                Outcome.ANSWERED, "SG-1", 40.0);
        clock.at("2026-12-03T16:01:00Z");
        conversations.record(turn("满意"), understood("满意", Intent.FEEDBACK), Outcome.RATING, null, null);
        boolean rated = conversations.rate(asker, lateAnswer, true);
        clock.at("2026-12-03T17:00:00Z");
        long answer = conversations.record(turn("个体户怎么办"), understood("个体户怎么办", Intent.HOW_TO_APPLY),
                Outcome.ANSWERED, "SG-2", 40.0);
        conversations.rate(asker, answer, false);
        conversations.rate(asker, answer, true);
        clock.at("2026-12-03T17:05:00Z");
        conversations.rate(asker, answer, false);
        boolean strangerRated = conversations.rate(new Turn("web:stranger", "", Channel.WEB), answer, true);
        boolean otherChannelRated = conversations.rate(new Turn("web:asker", "", Channel.WECHAT), answer, true);
        clock.at("2026-12-03T18:00:00Z");
        conversations.record(turn("态度太差了"), understood("态度太差了", Intent.FEEDBACK), Outcome.FEEDBACK, null, null);
        conversations.record(turn("火星移民补贴"), understood("火星移民补贴", Intent.POLICY_LOOKUP), Outcome.MISSED, null, 3.0);

        List<ConversationLog.Day> days = log.stats(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4), SHANGHAI).days();
        List<ConversationLog.FlaggedTurn> flagged = log.flagged(OffsetDateTime.parse("2026-12-03T00:00:00Z"), 10);

        assertThat(rated).isTrue();
        assertThat(strangerRated).isFalse();
        assertThat(otherChannelRated).isFalse();
        assertThat(jdbc.sql("select rated_at from bot_turn where id = :id").param("id", answer)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse("2026-12-03T17:05:00Z"));
        assertThat(days).containsExactly(
                new ConversationLog.Day(LocalDate.of(2026, 12, 3), 1, 0, 0, 1, 0),
                new ConversationLog.Day(LocalDate.of(2026, 12, 4), 3, 1, 1, 0, 1));
        assertThat(flagged).extracting(ConversationLog.FlaggedTurn::text, ConversationLog.FlaggedTurn::flag)
                .containsExactly(tuple("火星移民补贴", Flag.UNANSWERED), tuple("态度太差了", Flag.DISSATISFIED),
                        tuple("个体户怎么办", Flag.DISSATISFIED));
        assertThat(log.stats(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4), SHANGHAI).intents())
                .containsEntry(Intent.FEEDBACK.label(), 1L);
    }

    private static JdbcClient migrated(String url, String user) {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(new DriverManagerDataSource(url, user, ""));
    }

    private static Turn turn(String text) {
        return new Turn("web:asker", text, Channel.WEB);
    }

    private static Understood understood(String text, Intent intent) {
        return new Understood(text, text, intent, 0.9, List.of(new IntentScore(intent, 0.9)), List.of());
    }

    /** A clock the test moves to the instants it writes at. */
    private static final class SettableClock extends Clock {

        private Instant now = Instant.parse("2026-12-03T00:00:00Z");

        void at(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
