package cn.zhice.push.sms;

import cn.zhice.push.PushProperties;
import cn.zhice.push.SmsGateway;
import cn.zhice.push.SmsProperties;
import cn.zhice.push.delivery.MessageTemplates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS gateway (Twilio-compatible unless another {@link SmsGateway} bean is defined), channel and signatures. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmsGateway smsGateway(SmsProperties properties) {
        return new TwilioSmsGateway(properties);
    }

    @Bean
    SmsChannel smsChannel(SmsGateway gateway, SmsProperties sms, MessageTemplates templates, PushProperties properties) {
        return new SmsChannel(gateway, sms.configured() || !(gateway instanceof TwilioSmsGateway), templates, properties.baseUrl());
    }

    @Bean
    TwilioSignature twilioSignature(SmsProperties properties) {
        return new TwilioSignature(properties.authToken());
    }
}
