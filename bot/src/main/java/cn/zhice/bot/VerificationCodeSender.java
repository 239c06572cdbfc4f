package cn.zhice.bot;

import java.time.Duration;

/**
 * Sends the 6-digit code that proves a WeChat user may act for an enterprise (企业绑定) to the enterprise's registered
 * mobile. The push module's SMS gateway provides the real one; without it the bot logs that a code was sent, with
 * the number masked.
 */
public interface VerificationCodeSender {

    /**
     * Sends {@code code} to {@code mobile}.
     *
     * @param enterpriseName the enterprise being bound, for the message text
     * @param validFor       how long the code is accepted, for the message text
     * @throws RuntimeException when the message could not be sent; the user is told to try again later
     */
    void send(String mobile, String code, String enterpriseName, Duration validFor);
}
