package cn.zhice.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email ({@code zhice.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}. Unset sender or server →
 * email deliveries fail over to the next channel.
 *
 * @param from          the sender, e.g. {@code 青禾区政策服务 <policy@qinghe.gov.cn>}
 * @param unsubscribeTo mailbox for {@code List-Unsubscribe: mailto:}; unset → only the one-click link
 * @param messagesPerConnection emails of a campaign sent over one SMTP connection before it is closed (1 → a new
 *                      connection per email); servers commonly accept 100 messages per session
 */
@ConfigurationProperties("zhice.mail")
public record MailProperties(String from, String unsubscribeTo, int messagesPerConnection) {

    @ConstructorBinding
    public MailProperties(String from, String unsubscribeTo, @DefaultValue("20") int messagesPerConnection) {
        this.from = from;
        this.unsubscribeTo = unsubscribeTo;
        this.messagesPerConnection = messagesPerConnection;
    }

    /** Sender and unsubscribe mailbox with the default of 20 emails per SMTP connection. */
    public MailProperties(String from, String unsubscribeTo) {
        this(from, unsubscribeTo, 20);
    }

    /** Whether a sender is configured. */
    public boolean configured() {
        return from != null && !from.isBlank();
    }
}
