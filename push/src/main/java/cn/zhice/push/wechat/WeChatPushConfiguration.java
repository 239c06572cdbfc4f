package cn.zhice.push.wechat;

import cn.zhice.push.PushProperties;
import cn.zhice.push.WeChatTemplateReports;
import cn.zhice.push.delivery.DeliveryReports;
import cn.zhice.push.delivery.MessageTemplates;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WeChat channel over the account's {@link WxMpService} (defined by the bot module), and its delivery reports. */
@Configuration(proxyBeanMethods = false)
class WeChatPushConfiguration {

    @Bean
    WeChatChannel wechatChannel(ObjectProvider<WxMpService> wechat, PushProperties properties, MessageTemplates templates) {
        return new WeChatChannel(wechat, properties.wechat(), templates);
    }

    @Bean
    WeChatTemplateReports wechatTemplateReports(DeliveryReports reports) {
        return new TemplateReports(reports);
    }
}
