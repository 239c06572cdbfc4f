package cn.zhice.bot.dialogue;

import cn.zhice.bot.VerificationCodeSender;
import cn.zhice.matching.EnterpriseProfile;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in until an SMS gateway is wired: records that a code went out, with the number masked. The code itself
 * is logged only at DEBUG, for trying the binding out on a development machine.
 */
final class LoggingVerificationCodeSender implements VerificationCodeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingVerificationCodeSender.class);

    @Override
    public void send(String mobile, String code, String enterpriseName, Duration validFor) {
        String masked = EnterpriseProfile.Contacts.mask(mobile);
        log.info("No SMS gateway configured: a binding code for {} would go to {}", enterpriseName, masked);
        log.debug("Binding code for {}: {}", masked, code);
    }
}
