package cn.zhice.bot.dialogue;

/** Where a turn came from: the WeChat official account or the web chat (console test page, /api/chat). */
public enum Channel {
    WECHAT,
    WEB
}
