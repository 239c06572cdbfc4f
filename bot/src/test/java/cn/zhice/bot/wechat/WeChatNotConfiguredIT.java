package cn.zhice.bot.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without {@code zhice.wechat.*} the application starts and the portal says plainly that WeChat is not set up. */
@SpringBootTest(classes = WeChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WeChatNotConfiguredIT {

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void redisOnly(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestServices::redisUrl);
    }

    @Test
    void answersServiceUnavailableProblemWhenTheAccountIsNotConfigured() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> verify = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/portal?signature=x&timestamp=1&nonce=n&echostr=e")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> message = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/portal?signature=x&timestamp=1&nonce=n")).POST(HttpRequest.BodyPublishers.ofString("<xml/>")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(verify.statusCode()).isEqualTo(503);
        assertThat(message.statusCode()).isEqualTo(503);
        assertThat(verify.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(verify.body()).contains("未配置微信公众号");
    }
}
