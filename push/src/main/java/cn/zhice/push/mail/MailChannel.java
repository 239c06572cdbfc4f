package cn.zhice.push.mail;

import cn.zhice.push.Channel;
import cn.zhice.push.MailProperties;
import cn.zhice.push.delivery.ChannelSender;
import cn.zhice.push.delivery.MessageTemplates;
import cn.zhice.push.delivery.OutgoingMessage;
import cn.zhice.push.delivery.SendOutcome;
import cn.zhice.push.delivery.SendOutcome.Result;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Campaign messages as email through Spring Mail: HTML and plain-text parts from the templates, a
 * {@code List-Unsubscribe} header with RFC 8058 one-click unsubscribe, sender {@code zhice.mail.from}.
 */
final class MailChannel implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final MessageTemplates templates;

    MailChannel(ObjectProvider<JavaMailSender> mailSender, MailProperties properties, MessageTemplates templates) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.templates = templates;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return properties.configured() && mailSender.getIfAvailable() != null;
    }

    @Override
    public int batchSize() {
        return Math.max(1, properties.messagesPerConnection());
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        return send(List.of(message)).get(0);
    }

    /**
     * Sends the messages over one SMTP connection (Spring's {@code send(MimeMessage...)}), so a burst of emails pays
     * for one TCP and TLS handshake, EHLO and AUTH instead of one per message; the server's answer to each message is
     * still classified on its own.
     */
    @Override
    public List<SendOutcome> send(List<OutgoingMessage> messages) {
        JavaMailSender sender = mailSender.getObject();
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        List<MimeMessage> mimes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                mimes.add(mime(sender, messages.get(i)));
                positions.add(i);
            } catch (MessagingException e) {
                outcomes[i] = SendOutcome.failed(Result.PERMANENT, "邮件无法生成：" + e.getClass().getSimpleName());
            }
        }
        Map<Object, Exception> failed = Map.of();
        RuntimeException whole = null;
        try {
            sender.send(mimes.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                whole = e;
            }
        } catch (MailException e) {
            whole = e;
        }
        for (int k = 0; k < mimes.size(); k++) {
            MimeMessage mime = mimes.get(k);
            int i = positions.get(k);
            if (whole != null) {
                outcomes[i] = whole instanceof MailAuthenticationException ? SendOutcome.failed(Result.RETRY, "SMTP 认证失败")
                        : SendOutcome.failed(Result.RETRY, "SMTP 不可用：" + whole.getClass().getSimpleName());
            } else if (failed.containsKey(mime)) {
                Exception error = failed.get(mime);
                outcomes[i] = SendOutcome.failed(classify(error), "SMTP 发送失败：" + firstLine(reply(error)));
            } else {
                outcomes[i] = sent(mime);
            }
        }
        return List.of(outcomes);
    }

    private MimeMessage mime(JavaMailSender sender, OutgoingMessage message) throws MessagingException {
        MessageTemplates.Mail mail = templates.mail(message);
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.address());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        String unsubscribe = "<" + message.unsubscribeLink() + ">";
        if (properties.unsubscribeTo() != null && !properties.unsubscribeTo().isBlank()) {
            unsubscribe += ", <mailto:" + properties.unsubscribeTo() + "?subject=unsubscribe-" + message.delivery().code() + ">";
        }
        mime.setHeader("List-Unsubscribe", unsubscribe);
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("X-Zhice-Delivery", message.delivery().code());
        return mime;
    }

    private static SendOutcome sent(MimeMessage mime) {
        try {
            return SendOutcome.sent(mime.getMessageID());
        } catch (MessagingException e) {
            return SendOutcome.sent(null);
        }
    }

    /**
     * The SMTP reply decides (RFC 5321 §4.2.1): 5yz is a permanent failure (unknown mailbox 550, mailbox name not
     * allowed 553, transaction failed 554) — sending again will not help; 4yz is transient (mailbox busy 450, local
     * error 451, insufficient storage 452) and is retried; no reply at all (connection lost) is retried too.
     */
    static Result classify(Exception error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int code = t instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : t instanceof SMTPSendFailedException send ? send.getReturnCode() : -1;
            if (code >= 500 && code < 600) {
                return Result.PERMANENT;
            }
            if (code >= 400 && code < 500) {
                return Result.RETRY;
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return Result.PERMANENT;
            }
        }
        return Result.RETRY;
    }

    /** The server's own reply where there is one (e.g. {@code 550 5.1.1 … User unknown}), else the exception. */
    private static Exception reply(Exception error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
                return (Exception) t;
            }
        }
        return error;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replaceAll("[\\w.+-]+@[\\w.-]+", "***");
    }
}
