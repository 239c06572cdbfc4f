package cn.zhice.bot.wechat;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Just the WeChat edge on a real server, with a fake dialogue in place of the real one. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WeChatConfiguration.class, WeChatPortal.class})
class WeChatTestApplication {

    @Bean
    FakeDialogue dialogue() {
        return new FakeDialogue();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
