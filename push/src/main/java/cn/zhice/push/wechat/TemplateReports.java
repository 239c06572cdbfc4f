package cn.zhice.push.wechat;

import cn.zhice.push.TemplateSendJobFinished;
import cn.zhice.push.WeChatTemplateReports;
import cn.zhice.push.delivery.DeliveryReports;

/** Records WeChat's template-message reports: delivered, or blocked by the user (an opt-out, then the next channel). */
final class TemplateReports implements WeChatTemplateReports {

    private final DeliveryReports reports;

    TemplateReports(DeliveryReports reports) {
        this.reports = reports;
    }

    @Override
    public void jobFinished(TemplateSendJobFinished report) {
        String msgId = Long.toString(report.msgId());
        reports.find(null, msgId).ifPresent(delivery -> {
            if (report.delivered()) {
                reports.delivered(delivery, msgId);
            } else {
                reports.undelivered(delivery, msgId, "微信模板消息未送达：" + report.status(),
                        report.blocked() ? report.openId() : null);
            }
        });
    }
}
