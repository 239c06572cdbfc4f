package cn.zhice.push;

import java.time.Instant;
import java.util.List;

/**
 * Sends SMS through the configured Twilio-compatible gateway. Push campaigns use it, and so can the bot for its
 * enterprise-binding verification codes. Numbers are Chinese mobiles ({@code 13800138000}) or E.164.
 */
public interface SmsGateway {

    /**
     * Hands one message to the gateway.
     *
     * @param statusCallback where the gateway reports delivery, or null for none
     * @throws SmsRejected when the gateway refuses it, classified as retryable, permanent or opted out
     */
    SentSms send(String to, String body, String statusCallback);

    /** Messages the gateway sent to {@code to} since {@code since}, newest first: for reconciling after a crash. */
    List<SentSms> sentTo(String to, Instant since);

    /** A message the gateway accepted: its id ({@code SM…}), status and body. */
    record SentSms(String sid, String status, String body) {}
}
