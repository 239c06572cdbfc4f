package cn.zhice.bot.wechat;

import cn.zhice.bot.WeChatDeliveryFailed;
import cn.zhice.bot.WeChatMessenger;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

/**
 * 客服消息 through WxJava ({@code /cgi-bin/message/custom/send}). WxJava refreshes an invalid access_token (40001,
 * 42001) once by itself; every other refusal, such as 45015 (the follower's last message is over 48 hours old),
 * becomes {@link WeChatDeliveryFailed} with WeChat's errcode.
 */
final class KefuMessenger implements WeChatMessenger {

    private final WxMpService wechat;

    KefuMessenger(WxMpService wechat) {
        this.wechat = wechat;
    }

    @Override
    public void sendText(String openId, String text) {
        WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(openId).content(text).build();
        try {
            wechat.getKefuService().sendKefuMessage(message);
        } catch (WxErrorException e) {
            int errcode = e.getError() == null ? -1 : e.getError().getErrorCode();
            throw new WeChatDeliveryFailed(errcode, "WeChat refused the 客服 message: errcode " + errcode, e);
        } catch (WxRuntimeException e) {
            // WeChat unreachable, or no access_token: WxJava's "system error" code, so callers handle one failure type.
            throw new WeChatDeliveryFailed(-1, "WeChat could not be reached for the 客服 message", e);
        }
    }
}
