package cn.zhice.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff console settings ({@code zhice.admin.*}).
 *
 * @param bootstrapPassword password for the {@code admin} user created on first start; when unset a random one is
 *                          generated and printed once in the log. Only its hash is stored. Set from the environment
 *                          ({@code ZHICE_ADMIN_BOOTSTRAP_PASSWORD}), never in a file under version control.
 * @param passwordMinLength shortest password accepted for staff users
 * @param maxFailedLogins   failed sign-ins in a row (console or API) after which an account is locked; default 5
 * @param lockout           how long a locked account stays locked; default 15 minutes (an administrator can unlock
 *                          it sooner on the 用户 page)
 * @param unansweredDays    how many days back the 未解决问题 page looks; default 30
 */
@ConfigurationProperties("zhice.admin")
public record AdminProperties(
        String bootstrapPassword,
        @DefaultValue("12") int passwordMinLength,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("30") int unansweredDays) {}
