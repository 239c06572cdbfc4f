package cn.zhice.bot.dialogue;

/** Keeps each user's {@link Session} between turns, shared by all instances. */
interface SessionStore {

    Session load(String userId);

    void save(String userId, Session session);
}
