package cn.zhice.kb.web;

/** A request that is well-formed but not acceptable; its message (Chinese, for staff) becomes the 400 detail. */
public class BadRequest extends RuntimeException {

    public BadRequest(String message) {
        super(message);
    }
}
