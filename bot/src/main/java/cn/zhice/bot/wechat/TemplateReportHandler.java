package cn.zhice.bot.wechat;

import cn.zhice.push.TemplateSendJobFinished;
import cn.zhice.push.WeChatTemplateReports;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code TEMPLATESENDJOBFINISH}: WeChat's report on a template message push sent; handed to push, which owns the
 * delivery. Answered with {@code success} (nothing to say to the user).
 */
final class TemplateReportHandler implements WxMpMessageHandler {

    static final String EVENT = "TEMPLATESENDJOBFINISH";

    private final ObjectProvider<WeChatTemplateReports> reports;

    TemplateReportHandler(ObjectProvider<WeChatTemplateReports> reports) {
        this.reports = reports;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
            WxSessionManager sessions) {
        WeChatTemplateReports target = reports.getIfAvailable();
        if (target != null && message.getMsgId() != null) {
            target.jobFinished(new TemplateSendJobFinished(message.getMsgId(), message.getFromUser(), message.getStatus()));
        }
        return null;
    }
}
