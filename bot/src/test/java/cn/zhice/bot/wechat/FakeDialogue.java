package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.Channel;
import cn.zhice.bot.dialogue.Dialogue;
import cn.zhice.bot.dialogue.Reply;
import cn.zhice.bot.dialogue.Turn;
import cn.zhice.bot.understanding.Intent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A dialogue that answers by rule and records every turn: "人工" hands over, "长" answers with a long text, anything
 * starting with "慢" takes {@link #slowness} to answer.
 */
final class FakeDialogue implements Dialogue {

    static final String WELCOME = "欢迎关注！我可以回答政策在哪查、怎么申请。";

    final List<Turn> turns = new CopyOnWriteArrayList<>();
    final List<String> welcomed = new CopyOnWriteArrayList<>();
    volatile Duration slowness = Duration.ZERO;
    volatile String longAnswer = "";

    @Override
    public Reply respond(Turn turn) {
        turns.add(turn);
        if (turn.text().startsWith("慢")) {
            sleep(slowness);
        }
        if (turn.text().contains("人工")) {
            return new Reply("正在为您转接人工客服", Intent.HUMAN_AGENT, null, List.of(), Reply.Handoff.TRANSFER_TO_AGENT);
        }
        if (turn.text().equals("长")) {
            return new Reply(longAnswer, Intent.HOW_TO_APPLY, null, List.of(), Reply.Handoff.NONE);
        }
        return new Reply("关于「" + turn.text() + "」：请到区政务服务中心办理。", Intent.WHERE_TO_FIND,
                new Reply.AnswerRef("GD-1", "创业补贴"), List.of(), Reply.Handoff.NONE);
    }

    @Override
    public Reply welcome(String userId, Channel channel) {
        welcomed.add(userId);
        return new Reply(WELCOME, Intent.GREETING, null, List.of(), Reply.Handoff.NONE);
    }

    long turnsOf(String userId) {
        return turns.stream().filter(turn -> turn.userId().equals(userId)).count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
