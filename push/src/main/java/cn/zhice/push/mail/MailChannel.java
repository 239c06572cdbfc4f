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
    public SendOutcome send(OutgoingMessage message) {
        JavaMailSender sender = mailSender.getObject();
        MessageTemplates.Mail mail = templates.mail(message);
        try {
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
            sender.send(mime);
            return SendOutcome.sent(mime.getMessageID());
        } catch (MessagingException e) {
            return SendOutcome.failed(Result.PERMANENT, "邮件无法生成：" + e.getClass().getSimpleName());
        } catch (MailAuthenticationException e) {
            return SendOutcome.failed(Result.RETRY, "SMTP 认证失败");
        } catch (MailSendException e) {
            return SendOutcome.failed(rejectedRecipient(e) ? Result.PERMANENT : Result.RETRY,
                    "SMTP 发送失败：" + firstLine(e));
        } catch (MailException e) {
            return SendOutcome.failed(Result.RETRY, "SMTP 不可用：" + e.getClass().getSimpleName());
        }
    }

    /** The server refused the address (5xx on RCPT TO): sending again will not help. */
    private static boolean rejectedRecipient(MailSendException e) {
        for (Exception failed : e.getFailedMessages().values()) {
            if (failed instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.replaceAll("[\\w.+-]+@[\\w.-]+", "***");
    }
}
