package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.Channel;
import cn.zhice.bot.dialogue.Dialogue;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** 关注事件: the dialogue's welcome and menu of what the bot can do. */
final class SubscribeHandler implements WxMpMessageHandler {

    private final Dialogue dialogue;

    SubscribeHandler(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        return PassiveReplies.of(message, dialogue.welcome(message.getFromUser(), Channel.WECHAT));
    }
}
