package cn.zhice.admin.security;

import cn.zhice.admin.AdminProperties;
import cn.zhice.admin.audit.AuditLog;
import cn.zhice.admin.users.StaffUsers;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after {@code zhice.admin.max-failed-logins} wrong passwords in a row, on the console and the API
 * alike, for {@code zhice.admin.lockout}; the count and the unlock time are in the database so that every instance
 * agrees and a restart does not lift a lockout. Unknown usernames are not counted (there is no row to lock).
 */
@Component
class LoginAttempts {

    private final StaffUsers users;
    private final AdminProperties properties;
    private final AuditLog audit;

    LoginAttempts(StaffUsers users, AdminProperties properties, AuditLog audit) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (users.failedLogin(username, properties.maxFailedLogins(), properties.lockout())) {
            audit.record(username, "LOCK staff_user", "username=" + username,
                    "连续 " + properties.maxFailedLogins() + " 次密码错误，账号锁定 " + properties.lockout().toMinutes() + " 分钟");
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.succeededLogin(event.getAuthentication().getName());
    }
}
