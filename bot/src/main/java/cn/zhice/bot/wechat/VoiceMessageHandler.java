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

/** 语音消息: WeChat's speech recognition ({@code Recognition}) is the question; without it the bot asks for text. */
final class VoiceMessageHandler implements WxMpMessageHandler {

    static final String NOT_RECOGNISED = "抱歉，没有听清您的语音，请再说一遍，或直接输入文字提问。";

    private final Dialogue dialogue;

    VoiceMessageHandler(Dialogue dialogue) {
        this.dialogue = dialogue;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        String recognition = message.getRecognition() == null ? "" : message.getRecognition().strip();
        if (recognition.isEmpty()) {
            return PassiveReplies.text(message, NOT_RECOGNISED);
        }
        return PassiveReplies.of(message, dialogue.respond(new Turn(message.getFromUser(), recognition, Channel.WECHAT)));
    }
}
