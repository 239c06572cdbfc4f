package cn.zhice.bot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What residents asked the bot, for the staff console: turns staff should look at (未解决问题), usage statistics for
 * the dashboard, and tickets from handoffs with staff replies sent back over WeChat 客服 messages.
 */
public interface ConversationLog {

    /**
     * Turns the bot could not answer, asked back on, complaints, and answers the user rated 不满意 (with the rated
     * question's text), newest first.
     */
    List<FlaggedTurn> flagged(OffsetDateTime since, int limit);

    /**
     * Sends {@code text} as a WeChat 客服 message to each WeChat user who wrote one of {@code turnIds} and has written
     * within the last 48 hours (WeChat's window); returns how many were sent. Web-chat users are skipped.
     */
    int answerAskers(Collection<Long> turnIds, String text);

    /**
     * Questions, intents, answered entries, complaints and ratings per day between two days (inclusive) in
     * {@code zone}. Rating turns (满意/不满意 replies) are not questions: they count only as ratings of their answer.
     */
    Stats stats(LocalDate from, LocalDate to, ZoneId zone);

    /** Tickets, open ones first, newest first. */
    List<Ticket> tickets(boolean openOnly, int limit);

    Optional<Ticket> ticket(long id);

    /**
     * Records a staff reply and closes the ticket; on WeChat the reply is sent as a 客服 message first.
     *
     * @throws WeChatDeliveryFailed when WeChat refuses the message (the ticket stays open)
     */
    Ticket reply(long ticketId, String staff, String text);

    /** Why a turn needs a person's attention. */
    enum Flag {
        /** 未答: no entry scored high enough. */
        UNANSWERED,
        /** 低置信: the bot had to ask which entry was meant. */
        LOW_CONFIDENCE,
        /** 不满意: the user rated the answer 不满意, or complained about an answer. */
        DISSATISFIED
    }

    /** One flagged turn; {@code channel} is WECHAT or WEB. */
    record FlaggedTurn(long id, String channel, String text, String normalized, String intent, Flag flag,
            OffsetDateTime createdAt) {}

    /**
     * Dashboard figures.
     *
     * @param days           per day: questions, unanswered turns, complaints and ratings
     * @param intents        turns per intent label
     * @param entries        answers per entry id
     * @param enterpriseHits answers per (bound enterprise USCC, entry id) for users who bound an enterprise
     */
    record Stats(List<Day> days, Map<String, Long> intents, Map<String, Long> entries,
            List<EnterpriseHit> enterpriseHits) {}

    /**
     * One day's figures.
     *
     * @param questions          turns that asked something (rating replies excluded)
     * @param unanswered         questions no entry scored high enough for
     * @param dissatisfied       messages classified as a complaint (意见反馈), not ratings of an answer
     * @param ratedSatisfied     that day's answers the user rated 满意 (an answer's last rating counts)
     * @param ratedDissatisfied  that day's answers the user rated 不满意
     */
    record Day(LocalDate day, long questions, long unanswered, long dissatisfied, long ratedSatisfied,
            long ratedDissatisfied) {}

    record EnterpriseHit(String uscc, String entryId, long count) {}

    /** A question handed over to staff; {@code status} is OPEN or ANSWERED. */
    record Ticket(long id, String channel, String question, String status, OffsetDateTime createdAt,
            OffsetDateTime answeredAt, String answeredBy, String answer) {}
}
