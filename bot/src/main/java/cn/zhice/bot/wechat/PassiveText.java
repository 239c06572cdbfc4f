package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.LongText;

/**
 * Fits a text into a passive reply: WeChat drops a text reply whose Content is over 2,048 UTF-8 bytes. The dialogue
 * already cuts its replies with {@link LongText} and keeps the rest for "详情"; this is the last guard for any other
 * text (welcome, hints), cutting the same way.
 */
final class PassiveText {

    static final int MAX_BYTES = LongText.MAX_BYTES;
    static final String MORE = LongText.MORE;

    private PassiveText() {}

    static String fit(String text) {
        return LongText.cut(text).shown();
    }
}
