package cn.zhice.push;

/** Why a targeted enterprise was not sent a message on a channel (or not yet). */
public enum Suppression {
    /** The address opted out (退订) of this channel. */
    OPTED_OUT("已退订"),
    /** The enterprise did not consent to this channel. */
    NO_CONSENT("未授权"),
    /** The profile has no address for this channel. */
    NO_CONTACT("无联系方式"),
    /** A per-recipient or per-enterprise limit is exhausted for longer than the allowed delay. */
    RATE_LIMITED("超出频次限制"),
    /** Held back during quiet hours and sent when they ended (counted, never dropped). */
    QUIET_HOURS_DEFERRED("免打扰时段顺延"),
    /** The enterprise already received this policy on this channel. */
    ALREADY_RECEIVED("已收到过");

    private final String label;

    Suppression(String label) {
        this.label = label;
    }

    /** The reason in Chinese. */
    public String label() {
        return label;
    }
}
