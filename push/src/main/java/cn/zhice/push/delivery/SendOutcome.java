package cn.zhice.push.delivery;

/**
 * What a provider said about one message.
 *
 * @param result     the class of outcome
 * @param providerId the provider's message id when sent
 * @param error      the provider's error, never containing the address
 */
public record SendOutcome(Result result, String providerId, String error) {

    /** Outcome classes; each maps to one outbox transition. */
    public enum Result {
        /** Accepted by the provider. */
        SENT,
        /** Try again with backoff. */
        RETRY,
        /** The provider throttles us: try again with a longer backoff. */
        THROTTLED,
        /** Can never be sent on this channel: fall back to the next one. */
        PERMANENT,
        /** The recipient unsubscribed at the provider: record the opt-out and fall back. */
        OPTED_OUT,
        /** The request may or may not have reached the provider: reconcile, never blindly resend. */
        UNKNOWN
    }

    public static SendOutcome sent(String providerId) {
        return new SendOutcome(Result.SENT, providerId, null);
    }

    public static SendOutcome failed(Result result, String error) {
        return new SendOutcome(result, null, error);
    }
}
