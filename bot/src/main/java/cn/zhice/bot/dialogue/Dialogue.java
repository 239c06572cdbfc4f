package cn.zhice.bot.dialogue;

/** The conversation engine shared by WeChat and the web chat. Thread-safe; session state lives in Redis. */
public interface Dialogue {

    /** Answers one message in the context of the user's session. */
    Reply respond(Turn turn);

    /** The greeting and menu for a new follower (WeChat {@code subscribe}) or a new web chat. */
    Reply welcome(String userId, Channel channel);
}
