package cn.zhice.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;
import org.junit.jupiter.api.Test;

/** The handlers are plain classes: a WeChat message in, a passive reply out, no server. */
class MessageHandlersTest {

    final FakeDialogue dialogue = new FakeDialogue();

    @Test
    void asksTheDialogueWithTheTypedText() {
        WxMpXmlOutTextMessage reply = (WxMpXmlOutTextMessage) new TextMessageHandler(dialogue)
                .handle(message("text", "  创业补贴在哪办 ", null), Map.of(), null, null);

        assertThat(reply.getContent()).isEqualTo("关于「创业补贴在哪办」：请到区政务服务中心办理。");
        assertThat(reply.getToUserName()).isEqualTo("oUser");
        assertThat(reply.getFromUserName()).isEqualTo("gh_account");
    }

    @Test
    void asksToRepeatAVoiceMessageWithoutRecognition() {
        WxMpXmlOutTextMessage reply = (WxMpXmlOutTextMessage) new VoiceMessageHandler(dialogue)
                .handle(message("voice", null, null), Map.of(), null, null);

        assertThat(reply.getContent()).isEqualTo(VoiceMessageHandler.NOT_RECOGNISED);
        assertThat(dialogue.turns).isEmpty();
    }

    @Test
    void hintsForAnUnknownMenuKey() {
        WxMpXmlOutTextMessage reply = (WxMpXmlOutTextMessage) new MenuClickHandler(dialogue, Map.of("A", "问题"))
                .handle(message("event", null, "UNKNOWN"), Map.of(), null, null);

        assertThat(reply.getContent()).isEqualTo(PassiveReplies.HINT);
        assertThat(dialogue.turns).isEmpty();
    }

    @Test
    void countsUnsubscribesWithoutReplying() {
        UnsubscribeHandler handler = new UnsubscribeHandler();

        assertThat(handler.handle(message("event", null, null), Map.of(), null, null)).isNull();
        assertThat(handler.unsubscribed()).isEqualTo(1);
    }

    static WxMpXmlMessage message(String type, String content, String eventKey) {
        WxMpXmlMessage message = new WxMpXmlMessage();
        message.setMsgType(type);
        message.setFromUser("oUser");
        message.setToUser("gh_account");
        message.setCreateTime(1_790_000_000L);
        message.setContent(content);
        message.setEventKey(eventKey);
        return message;
    }
}
