package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** The XML declares a DOCTYPE or an entity (XXE); WeChat never sends either, and nothing is resolved. */
final class UnsafeXml extends CallbackRejected {

    UnsafeXml() {
        super(HttpStatus.BAD_REQUEST, "不接受包含 DOCTYPE 或实体声明的 XML");
    }
}
