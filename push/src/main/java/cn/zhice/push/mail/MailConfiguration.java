package cn.zhice.push.mail;

import cn.zhice.push.MailProperties;
import cn.zhice.push.delivery.MessageTemplates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The email channel over whatever {@link JavaMailSender} Spring Mail configured ({@code spring.mail.*}). */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailChannel mailChannel(ObjectProvider<JavaMailSender> mailSender, MailProperties properties, MessageTemplates templates) {
        return new MailChannel(mailSender, properties, templates);
    }
}
