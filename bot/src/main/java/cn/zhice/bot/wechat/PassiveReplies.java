package cn.zhice.bot.wechat;

import cn.zhice.bot.dialogue.Reply;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Turns the dialogue's {@link Reply} into WeChat's passive reply XML, the only place the two meet. */
final class PassiveReplies {

    static final String HINT = """
            您好，我是政策咨询小助手，目前可以回答文字或语音提问，例如：
            1. 某项政策在哪查、在哪办
            2. 怎么申请、要带什么材料、需要什么条件
            3. 办理时限、咨询电话和地址
            请直接输入您的问题，如“创业补贴怎么申请”。""";

    static final String BUSY = "抱歉，系统暂时繁忙，请稍后再问一次。";

    private PassiveReplies() {}

    static WxMpXmlOutMessage of(WxMpXmlMessage in, Reply reply) {
        if (reply.handoff() == Reply.Handoff.TRANSFER_TO_AGENT) {
            return WxMpXmlOutMessage.TRANSFER_CUSTOMER_SERVICE()
                    .fromUser(in.getToUser())
                    .toUser(in.getFromUser())
                    .build();
        }
        return text(in, reply.text());
    }

    static WxMpXmlOutMessage text(WxMpXmlMessage in, String text) {
        return WxMpXmlOutMessage.TEXT()
                .content(PassiveText.fit(text))
                .fromUser(in.getToUser())
                .toUser(in.getFromUser())
                .build();
    }
}
