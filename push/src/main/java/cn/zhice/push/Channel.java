package cn.zhice.push;

/** A way to reach an enterprise. A campaign lists them in order of preference; later ones are fallbacks. */
public enum Channel {
    /** 微信模板消息 to the enterprise contact's openid. */
    WECHAT("微信"),
    /** 短信 to the contact's mobile. */
    SMS("短信"),
    /** 电子邮件 to the contact's address. */
    EMAIL("邮件");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** The channel in Chinese. */
    public String label() {
        return label;
    }
}
