package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;

/** The signed timestamp is more than 5 minutes away from now: a replayed or delayed request. */
final class StaleTimestamp extends CallbackRejected {

    StaleTimestamp() {
        super(HttpStatus.FORBIDDEN, "请求已过期");
    }
}
