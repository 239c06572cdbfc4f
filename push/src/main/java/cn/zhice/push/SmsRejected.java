package cn.zhice.push;

/**
 * The SMS gateway refused a message or could not be reached. {@link #errorClass()} tells the caller what to do: try
 * again later, give up on this number, or record that the number opted out.
 */
public class SmsRejected extends RuntimeException {

    /** What a refusal means for the sender. */
    public enum ErrorClass {
        /** Try again later (429, 20429, 5xx, network). */
        RETRY,
        /** The provider is throttling us: try again later, more slowly. */
        THROTTLED,
        /** This message can never be sent (21211 invalid number …). */
        PERMANENT,
        /** The recipient unsubscribed at the carrier or gateway (21610). */
        OPTED_OUT,
        /** No answer after the request was sent (read timeout): the message may or may not exist. */
        UNKNOWN
    }

    private final ErrorClass errorClass;
    private final int code;

    public SmsRejected(ErrorClass errorClass, int code, String message) {
        super(message);
        this.errorClass = errorClass;
        this.code = code;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    /** The gateway's error code, or the HTTP status when it sent none, or 0 for a network error. */
    public int code() {
        return code;
    }
}
