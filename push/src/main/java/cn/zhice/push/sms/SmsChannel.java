package cn.zhice.push.sms;

import cn.zhice.push.Channel;
import cn.zhice.push.SmsGateway;
import cn.zhice.push.SmsRejected;
import cn.zhice.push.delivery.ChannelSender;
import cn.zhice.push.delivery.MessageTemplates;
import cn.zhice.push.delivery.OutgoingMessage;
import cn.zhice.push.delivery.SendOutcome;
import cn.zhice.push.delivery.SendOutcome.Result;
import java.time.Instant;

/**
 * Campaign messages as SMS through the {@link SmsGateway}, with a status callback per message; after a crash the
 * gateway's message list tells whether the message went out (matched by its unique tracked link).
 */
final class SmsChannel implements ChannelSender {

    private final SmsGateway gateway;
    private final boolean configured;
    private final MessageTemplates templates;
    private final String callbackBase;

    SmsChannel(SmsGateway gateway, boolean configured, MessageTemplates templates, String publicBaseUrl) {
        this.gateway = gateway;
        this.configured = configured;
        this.templates = templates;
        this.callbackBase = publicBaseUrl + "/api/push/sms/status?d=";
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        try {
            SmsGateway.SentSms sent = gateway.send(message.address(), templates.sms(message), callbackBase + message.delivery().code());
            return SendOutcome.sent(sent.sid());
        } catch (SmsRejected e) {
            Result result = switch (e.errorClass()) {
                case RETRY -> Result.RETRY;
                case THROTTLED -> Result.THROTTLED;
                case PERMANENT -> Result.PERMANENT;
                case OPTED_OUT -> Result.OPTED_OUT;
                case UNKNOWN -> Result.UNKNOWN;
            };
            return SendOutcome.failed(result, e.getMessage());
        }
    }

    @Override
    public Reconciliation reconcile(OutgoingMessage message, Instant since) {
        for (SmsGateway.SentSms sms : gateway.sentTo(message.address(), since)) {
            if (sms.body() != null && sms.body().contains(message.link())) {
                return new Reconciliation(Reconciliation.State.SENT, sms.sid());
            }
        }
        return new Reconciliation(Reconciliation.State.NOT_SENT, null);
    }
}
