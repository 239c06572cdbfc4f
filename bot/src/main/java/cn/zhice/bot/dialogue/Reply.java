package cn.zhice.bot.dialogue;

import cn.zhice.bot.understanding.Intent;
import java.util.List;

/**
 * The bot's answer to a turn: the text exactly as the user sees it (before any channel-specific length cut), the
 * intent it acted on, the entry it answered from (or null), the candidates it considered, and whether it handed over.
 */
public record Reply(String text, Intent intent, AnswerRef answer, List<Candidate> candidates, Handoff handoff) {

    public Reply {
        candidates = List.copyOf(candidates);
    }

    /** The knowledge-base entry an answer came from. */
    public record AnswerRef(String externalId, String title) {}

    /** A knowledge-base entry the bot considered, with its search score. */
    public record Candidate(String externalId, String title, double score) {}

    /** Whether the conversation went to a person. */
    public enum Handoff {
        NONE,
        /** Agents are online: WeChat should answer with {@code transfer_customer_service}. */
        TRANSFER_TO_AGENT,
        /** Nobody is online: a ticket was recorded and staff will reply later. */
        TICKET_CREATED
    }
}
