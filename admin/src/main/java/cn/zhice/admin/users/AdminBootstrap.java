package cn.zhice.admin.users;

import cn.zhice.admin.AdminProperties;
import java.security.SecureRandom;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} user on the first start of an empty installation, with the configured bootstrap password
 * or, when none is set, a random one printed once in the log (only its hash is stored).
 */
@Component
@Order(-10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final StaffUsers users;
    private final AdminProperties properties;
    private final SecureRandom random = new SecureRandom();

    AdminBootstrap(StaffUsers users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        String configured = properties.bootstrapPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        users.create("admin", password, EnumSet.of(Role.ADMIN), "bootstrap");
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created staff user 'admin' with password
                         {}
                     It is shown only this once. Sign in and change it, or set
                     zhice.admin.bootstrap-password before the first start.
                    ================================================================""", password);
        } else {
            log.info("First start: created staff user 'admin' with the configured bootstrap password");
        }
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
