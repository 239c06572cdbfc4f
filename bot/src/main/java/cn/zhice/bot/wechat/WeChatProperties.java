package cn.zhice.bot.wechat;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeChat official account ({@code zhice.wechat.*}). Without {@code app-id} and {@code token} the application still
 * starts and {@code /wechat/portal} answers 503 "未配置微信公众号".
 *
 * @param appId          the account's AppID
 * @param secret         the AppSecret, from the environment only
 * @param token          the 令牌 configured in the 公众平台 server settings, used for {@code signature}
 * @param aesKey         the 43-character EncodingAESKey for 安全模式; unset means plain mode only
 * @param apiBaseUrl     where WeChat's API is ({@code https://api.weixin.qq.com}); tests point it at WireMock
 * @param replyTimeout   how long a passive reply may take before answering {@code success} and sending a 客服 message
 *                       instead; WeChat gives up after 5 s
 * @param dedupTtl       how long a message's reply is kept for WeChat's retries (3 retries, 5 s apart)
 * @param redisKeyPrefix prefix of every Redis key (access_token, lock, cached replies)
 * @param menu           menu {@code CLICK} event key → the question it asks, e.g. {@code HOW_TO_APPLY: 怎么申请补贴}
 * @param workers        threads answering messages in the background, so a slow answer can outlive the request
 */
@ConfigurationProperties("zhice.wechat")
record WeChatProperties(
        String appId,
        String secret,
        String token,
        String aesKey,
        @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
        @DefaultValue("4s") Duration replyTimeout,
        @DefaultValue("5m") Duration dedupTtl,
        @DefaultValue("zhice:wechat:") String redisKeyPrefix,
        @DefaultValue Map<String, String> menu,
        @DefaultValue("32") int workers) {

    WeChatProperties {
        menu = menu == null ? Map.of() : Map.copyOf(menu);
    }

    boolean configured() {
        return present(appId) && present(token);
    }

    boolean safeModeConfigured() {
        return configured() && present(aesKey);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
