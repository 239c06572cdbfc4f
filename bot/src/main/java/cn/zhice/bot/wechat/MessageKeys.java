package cn.zhice.bot.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * What identifies one message across WeChat's retries: MsgId + FromUserName + CreateTime, or for events (which have no
 * MsgId) FromUserName + CreateTime. Hashed, so Redis holds no openids.
 */
final class MessageKeys {

    private MessageKeys() {}

    static String of(WxMpXmlMessage message) {
        String identity = message.getMsgId() == null
                ? "event|" + message.getFromUser() + "|" + message.getCreateTime()
                : "msg|" + message.getMsgId() + "|" + message.getFromUser() + "|" + message.getCreateTime();
        return CallbackGuard.sha1Hex(identity);
    }
}
