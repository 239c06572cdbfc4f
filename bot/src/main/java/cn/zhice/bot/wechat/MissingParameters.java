package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** {@code signature}, {@code timestamp} or {@code nonce} (or {@code msg_signature} in 安全模式) is missing or malformed. */
final class MissingParameters extends CallbackRejected {

    MissingParameters() {
        super(HttpStatus.BAD_REQUEST, "缺少或无效的签名参数");
    }
}
