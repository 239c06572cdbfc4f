package cn.zhice.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio-compatible SMS gateway ({@code zhice.sms.*}). Unset account → SMS deliveries fail over to the next channel.
 *
 * @param baseUrl    the gateway's API root ({@code …/2010-04-01/Accounts/{sid}/Messages.json} is appended)
 * @param accountSid the account, also the Basic-auth user
 * @param authToken  Basic-auth password and the key of {@code X-Twilio-Signature}; from the environment only
 * @param from       the sender number or registered sender id
 * @param timeout    connect and read timeout of one request
 */
@ConfigurationProperties("zhice.sms")
public record SmsProperties(
        @DefaultValue("https://api.twilio.com") String baseUrl,
        String accountSid,
        String authToken,
        String from,
        @DefaultValue("10s") Duration timeout) {

    /** Whether an account is configured. */
    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }
}
