package cn.zhice.bot.dialogue;

/** One message from a user, independent of WeChat types. {@code userId} is the openid on WeChat. */
public record Turn(String userId, String text, Channel channel) {}
