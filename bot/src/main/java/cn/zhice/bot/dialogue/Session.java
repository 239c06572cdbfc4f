package cn.zhice.bot.dialogue;

import cn.zhice.bot.understanding.Intent;
import java.util.List;

/**
 * What the bot remembers about a conversation between turns: the entry under discussion (for follow-ups like
 * "要带什么材料？"), the choices it offered and for which intent, the last question (for "更多"), how many
 * questions in a row it could not answer, the rest of a reply that was cut at WeChat's length limit (for "详情"), and
 * the logged turn of the last answer, so that a following 满意/不满意 (or 1/2) is stored against it.
 */
record Session(
        String currentEntry,
        List<String> choices,
        Intent pendingIntent,
        String lastQuery,
        int page,
        int misses,
        String rest,
        Long answeredTurn) {

    static final Session NEW = new Session(null, List.of(), null, null, 0, 0, null, null);

    Session {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    Session discussing(String externalId) {
        return new Session(externalId, List.of(), null, lastQuery, page, 0, null, answeredTurn);
    }

    Session offering(List<String> offered, Intent intent, String query, int offeredPage) {
        return new Session(currentEntry, offered, intent, query, offeredPage, misses, null, answeredTurn);
    }

    Session missed() {
        return new Session(currentEntry, List.of(), null, lastQuery, 0, misses + 1, null, answeredTurn);
    }

    Session handedOver() {
        return new Session(currentEntry, List.of(), null, lastQuery, 0, 0, null, answeredTurn);
    }

    /** The same session, remembering what "详情" shows next (null: the last reply was shown whole). */
    Session continuing(String remainder) {
        return new Session(currentEntry, choices, pendingIntent, lastQuery, page, misses, remainder, answeredTurn);
    }

    /** The same session, with the turn a rating would apply to (null: none). */
    Session rateable(Long turn) {
        return new Session(currentEntry, choices, pendingIntent, lastQuery, page, misses, rest, turn);
    }
}
