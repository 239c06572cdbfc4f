package cn.zhice.bot.dialogue;

import cn.zhice.bot.VerificationCodeSender;
import cn.zhice.push.SmsGateway;
import cn.zhice.push.SmsProperties;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends enterprise-binding codes through the push module's SMS gateway once an SMS account is configured; until then
 * {@link EnterpriseBinding} falls back to the logging stand-in. No status callback: a code is useful for minutes only.
 */
@Component
class SmsVerificationCodeSender implements VerificationCodeSender {

    private final ObjectProvider<SmsGateway> gateways;
    private final ObjectProvider<SmsProperties> sms;
    private final VerificationCodeSender fallback = new LoggingVerificationCodeSender();

    SmsVerificationCodeSender(ObjectProvider<SmsGateway> gateways, ObjectProvider<SmsProperties> sms) {
        this.gateways = gateways;
        this.sms = sms;
    }

    @Override
    public void send(String mobile, String code, String enterpriseName, Duration validFor) {
        SmsGateway gateway = gateways.getIfUnique();
        SmsProperties account = sms.getIfUnique();
        if (gateway == null || account == null || !account.configured()) {
            fallback.send(mobile, code, enterpriseName, validFor);
            return;
        }
        gateway.send(mobile, text(code, enterpriseName, validFor), null);
    }

    static String text(String code, String enterpriseName, Duration validFor) {
        return "【知策】您正在将微信绑定到" + enterpriseName + "，验证码 " + code + "，" + validFor.toMinutes()
                + "分钟内有效。如非本人操作请忽略。";
    }
}
