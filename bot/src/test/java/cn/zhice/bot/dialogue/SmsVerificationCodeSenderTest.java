package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.push.SmsGateway;
import cn.zhice.push.SmsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class SmsVerificationCodeSenderTest {

    private final List<String[]> sent = new ArrayList<>();

    private final SmsGateway gateway = new SmsGateway() {
        @Override
        public SentSms send(String to, String body, String statusCallback) {
            sent.add(new String[] {to, body});
            return new SentSms("SM1", "queued", body);
        }

        @Override
        public List<SentSms> sentTo(String to, Instant since) {
            return List.of();
        }
    };

    private SmsVerificationCodeSender sender(SmsProperties properties) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("gateway", gateway);
        beans.addBean("sms", properties);
        return new SmsVerificationCodeSender(beans.getBeanProvider(SmsGateway.class), beans.getBeanProvider(SmsProperties.class));
    }

    @Test
    void sendsTheCodeThroughTheGatewayWhenAnAccountIsConfigured() {
        sender(new SmsProperties("http://localhost", "AC1", "token", "+10000", Duration.ofSeconds(5)))
                .send("13800138000", "482913", "青禾示例科技有限公司", Duration.ofMinutes(5));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)[0]).isEqualTo("13800138000");
        assertThat(sent.get(0)[1]).contains("482913").contains("青禾示例科技有限公司").contains("5分钟内有效");
    }

    @Test
    void leavesTheGatewayAloneWithoutAnAccount() {
        sender(new SmsProperties("http://localhost", null, null, null, Duration.ofSeconds(5)))
                .send("13800138000", "482913", "青禾示例科技有限公司", Duration.ofMinutes(5));

        assertThat(sent).isEmpty();
    }
}
