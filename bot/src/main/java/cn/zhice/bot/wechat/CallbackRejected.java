package cn.zhice.bot.wechat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A callback request that is refused before anything in it is processed; the detail never quotes the request. */
abstract class CallbackRejected extends ErrorResponseException {

    CallbackRejected(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
