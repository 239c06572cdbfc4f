package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.Channel;
import cn.zhice.bot.dialogue.Dialogue;
import cn.zhice.bot.dialogue.Turn;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** 文本消息: the resident's question goes to the dialogue. */
final class TextMessageHandler implements WxMpMessageHandler {

    private final Dialogue dialogue;

    TextMessageHandler(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        String text = message.getContent() == null ? "" : message.getContent().strip();
        if (text.isEmpty()) {
            return PassiveReplies.text(message, PassiveReplies.HINT);
        }
        return PassiveReplies.of(message, dialogue.respond(new Turn(message.getFromUser(), text, Channel.WECHAT)));
    }
}
