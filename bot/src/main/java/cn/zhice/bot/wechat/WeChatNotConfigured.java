package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** The official account is not configured (no {@code zhice.wechat.app-id}/{@code token}, or no {@code aes-key} for 安全模式). */
final class WeChatNotConfigured extends CallbackRejected {

    WeChatNotConfigured() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "未配置微信公众号");
    }
}
