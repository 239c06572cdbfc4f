package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** The body is over 64 KB; WeChat's messages are a few hundred bytes. */
final class BodyTooLarge extends CallbackRejected {

    BodyTooLarge() {
        super(HttpStatus.CONTENT_TOO_LARGE, "消息体过大");
    }
}
