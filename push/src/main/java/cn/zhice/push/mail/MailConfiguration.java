package cn.zhice.push.mail;

import cn.zhice.push.MailProperties;
import cn.zhice.push.delivery.MessageTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/** The email channel over whatever {@link JavaMailSender} Spring Mail configured ({@code spring.mail.*}). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** Jakarta Mail's own lookup property: the stream provider by name instead of a ServiceLoader scan. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Bean
    MailChannel mailChannel(ObjectProvider<JavaMailSender> mailSender, MailProperties properties, MessageTemplates templates) {
        // Jakarta Mail looks its StreamProvider up for every message part, and without this property scans every jar's
        // META-INF/services each time (a twentieth of the CPU of a 100,000-recipient campaign); named, it is created
        // directly. Left alone when set, or when Angus is not the implementation on the class path.
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
        return new MailChannel(mailSender, properties, templates);
    }
}
