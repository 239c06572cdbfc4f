package cn.zhice.push.wechat;

import cn.zhice.push.PushProperties;
import cn.zhice.push.WeChatTemplateReports;
import cn.zhice.push.delivery.DeliveryReports;
import cn.zhice.push.delivery.MessageTemplates;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WeChat channel over the account's {@link WxMpService} (defined by the bot module), and its delivery reports. */
@Configuration(proxyBeanMethods = false)
class WeChatPushConfiguration {

    @Bean
    WeChatChannel wechatChannel(ObjectProvider<WxMpService> wechat, PushProperties properties, MessageTemplates templates) {
        return new WeChatChannel(wechat, properties.wechat(), templates);
    }

    /**
     * Gives the official account's WxJava settings a connection pool sized by {@code zhice.push.wechat.max-connections}
     * before the account's {@link WxMpService} builds its HTTP client from them, unless a pool was configured there
     * already. Static and bound straight from the environment, as a post-processor must not pull other beans in early.
     */
    @Bean
    static BeanPostProcessor wechatConnectionPool(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof WxMpDefaultConfigImpl account && account.getApacheHttpClientBuilder() == null) {
                    PushProperties.WeChat settings = Binder.get(environment).bindOrCreate("zhice.push.wechat", PushProperties.WeChat.class);
                    account.setApacheHttpClientBuilder(new WeChatHttpClients(settings.maxConnections(), settings.timeout()));
                }
                return bean;
            }
        };
    }

    @Bean
    WeChatTemplateReports wechatTemplateReports(DeliveryReports reports) {
        return new TemplateReports(reports);
    }
}
