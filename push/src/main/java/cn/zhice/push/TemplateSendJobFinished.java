package cn.zhice.push;

/**
 * WeChat's {@code TEMPLATESENDJOBFINISH} event: the outcome of one template message ({@code success},
 * {@code failed:user block}, {@code failed: system failed}).
 */
public record TemplateSendJobFinished(long msgId, String openId, String status) {

    /** Whether WeChat delivered the message. */
    public boolean delivered() {
        return "success".equalsIgnoreCase(status);
    }

    /** Whether the user blocked template messages from the account (an opt-out). */
    public boolean blocked() {
        return status != null && status.contains("user block");
    }
}
