package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** The body is not a WeChat message XML, or its Encrypt element does not decrypt for this account. */
final class MalformedMessage extends CallbackRejected {

    MalformedMessage() {
        super(HttpStatus.BAD_REQUEST, "无法解析的消息");
    }
}
