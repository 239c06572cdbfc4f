package cn.zhice.push;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email ({@code zhice.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}. Unset sender or server →
 * email deliveries fail over to the next channel.
 *
 * @param from          the sender, e.g. {@code 青禾区政策服务 <policy@qinghe.gov.cn>}
 * @param unsubscribeTo mailbox for {@code List-Unsubscribe: mailto:}; unset → only the one-click link
 */
@ConfigurationProperties("zhice.mail")
public record MailProperties(String from, String unsubscribeTo) {

    /** Whether a sender is configured. */
    public boolean configured() {
        return from != null && !from.isBlank();
    }
}
