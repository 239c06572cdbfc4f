package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** {@code signature} or {@code msg_signature} does not match the configured token: not from WeChat. */
final class InvalidSignature extends CallbackRejected {

    InvalidSignature() {
        super(HttpStatus.FORBIDDEN, "签名校验失败");
    }
}
