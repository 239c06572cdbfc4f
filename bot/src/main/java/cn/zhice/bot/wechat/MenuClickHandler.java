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

/** 自定义菜单点击: the button's EventKey stands for a question ({@code zhice.wechat.menu}), asked as if typed. */
final class MenuClickHandler implements WxMpMessageHandler {

    private final Dialogue dialogue;
    private final Map<String, String> questions;

    MenuClickHandler(Dialogue dialogue, Map<String, String> questions) {
        this.dialogue = dialogue;
        this.questions = Map.copyOf(questions);
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        String question = message.getEventKey() == null ? null : questions.get(message.getEventKey());
        if (question == null) {
            return PassiveReplies.text(message, PassiveReplies.HINT);
        }
        return PassiveReplies.of(message, dialogue.respond(new Turn(message.getFromUser(), question, Channel.WECHAT)));
    }
}
