package cn.zhice.push.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official account's WxJava settings get push's connection pool, sized by configuration, before WxJava uses them. */
class WeChatConnectionPoolTest {

    @Configuration(proxyBeanMethods = false)
    static class Account {
        @Bean
        WxMpDefaultConfigImpl wechatAccount() {
            return new WxMpDefaultConfigImpl();
        }

        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor pool(org.springframework.core.env.Environment environment) {
            return WeChatPushConfiguration.wechatConnectionPool(environment);
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Account.class);

    @Test
    void sizesTheAccountsConnectionPoolFromConfiguration() {
        runner.withPropertyValues("zhice.push.wechat.max-connections=96").run(context -> {
            ApacheHttpClientBuilder builder = context.getBean(WxMpDefaultConfigImpl.class).getApacheHttpClientBuilder();
            assertThat(builder).isInstanceOf(WeChatHttpClients.class);
            assertThat(((WeChatHttpClients) builder).maxConnections()).isEqualTo(96);
            assertThat(builder.build()).as("one client, reused").isSameAs(builder.build());
        });
    }

    @Test
    void defaultsToSixtyFourConnections() {
        runner.run(context -> assertThat(((WeChatHttpClients) context.getBean(WxMpDefaultConfigImpl.class)
                .getApacheHttpClientBuilder()).maxConnections()).isEqualTo(64));
    }
}
