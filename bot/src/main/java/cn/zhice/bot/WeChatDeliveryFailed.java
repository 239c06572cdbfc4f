package cn.zhice.bot;

/** WeChat refused a message; {@code errorCode} is WeChat's errcode (e.g. 45015: outside the 48-hour window). */
public class WeChatDeliveryFailed extends RuntimeException {

    private final int errorCode;

    public WeChatDeliveryFailed(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
