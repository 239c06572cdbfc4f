package cn.zhice.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio-compatible SMS gateway ({@code zhice.sms.*}). Unset account → SMS deliveries fail over to the next channel.
 *
 * @param baseUrl    the gateway's API root ({@code …/2010-04-01/Accounts/{sid}/Messages.json} is appended)
 * @param accountSid the account, also the Basic-auth user
 * @param authToken  Basic-auth password and the key of {@code X-Twilio-Signature}; from the environment only
 * @param from       the sender number or registered sender id
 * @param timeout    connect and read timeout of one request
 * @param maxConnections kept-alive HTTP connections to the gateway (as many as messages may be in flight)
 */
@ConfigurationProperties("zhice.sms")
public record SmsProperties(
        String baseUrl,
        String accountSid,
        String authToken,
        String from,
        Duration timeout,
        int maxConnections) {

    @ConstructorBinding
    public SmsProperties(@DefaultValue("https://api.twilio.com") String baseUrl, String accountSid, String authToken, String from,
            @DefaultValue("10s") Duration timeout, @DefaultValue("64") int maxConnections) {
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
        this.timeout = timeout;
        this.maxConnections = maxConnections;
    }

    /** An account with the default of 64 connections. */
    public SmsProperties(String baseUrl, String accountSid, String authToken, String from, Duration timeout) {
        this(baseUrl, accountSid, authToken, from, timeout, 64);
    }

    /** Whether an account is configured. */
    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }
}
