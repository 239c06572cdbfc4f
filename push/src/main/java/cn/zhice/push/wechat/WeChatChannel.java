package cn.zhice.push.wechat;

import cn.zhice.push.Channel;
import cn.zhice.push.PushProperties;
import cn.zhice.push.delivery.ChannelSender;
import cn.zhice.push.delivery.MessageTemplates;
import cn.zhice.push.delivery.OutgoingMessage;
import cn.zhice.push.delivery.SendOutcome;
import cn.zhice.push.delivery.SendOutcome.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Campaign messages as WeChat template messages through WxJava ({@code /cgi-bin/message/template/send}); the template
 * id and field mapping come from configuration. Delivery is reported later by {@code TEMPLATESENDJOBFINISH}.
 */
final class WeChatChannel implements ChannelSender {

    private final ObjectProvider<WxMpService> wechat;
    private final PushProperties.WeChat settings;
    private final Map<String, String> fieldMap;
    private final MessageTemplates templates;

    WeChatChannel(ObjectProvider<WxMpService> wechat, PushProperties.WeChat settings, MessageTemplates templates) {
        this.wechat = wechat;
        this.settings = settings;
        this.fieldMap = settings.fieldMap();
        this.templates = templates;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean configured() {
        WxMpService service = wechat.getIfAvailable();
        return service != null && settings.templateId() != null && !settings.templateId().isBlank()
                && service.getWxMpConfigStorage() != null && service.getWxMpConfigStorage().getSecret() != null;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        List<WxMpTemplateData> data = new ArrayList<>();
        templates.wechat(message, fieldMap).forEach((name, value) -> data.add(new WxMpTemplateData(name, value)));
        WxMpTemplateMessage template = WxMpTemplateMessage.builder()
                .toUser(message.address())
                .templateId(settings.templateId())
                .url(message.link())
                .data(data)
                .build();
        try {
            return SendOutcome.sent(wechat.getObject().getTemplateMsgService().sendTemplateMsg(template));
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            return SendOutcome.failed(classify(code), "WeChat errcode " + code);
        } catch (WxRuntimeException e) {
            // WxJava repeats errcode -1 (系统繁忙) itself and then gives up with a bare WxRuntimeException; I/O errors
            // arrive wrapped as its cause
            return SendOutcome.failed(Result.RETRY, e.getCause() == null ? "WeChat errcode -1 (系统繁忙)" : "WeChat API unreachable");
        }
    }

    /** WeChat's global return codes (全局返回码) as outbox outcomes. */
    static Result classify(int errcode) {
        return switch (errcode) {
            case 43004, 43101 -> Result.OPTED_OUT;          // not following the account / refused subscription messages
            case 40003, 40036, 47003 -> Result.PERMANENT;   // invalid openid, invalid template size, bad field values
            case 45009, 45047 -> Result.THROTTLED;          // daily API quota, too many messages to this user
            default -> Result.RETRY;                        // -1 system busy, token errors, template id not configured yet
        };
    }
}
