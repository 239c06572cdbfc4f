package cn.zhice.bot.understanding;

import java.util.Locale;

/** What a resident wants from one message. {@link #label()} is the name used in the chat API and the corpus. */
public enum Intent {
    /** 在哪查 / 在哪办: offices, addresses, online platform. */
    WHERE_TO_FIND,
    /** 怎么申请 / 流程. */
    HOW_TO_APPLY,
    /** 要带什么材料. */
    MATERIALS,
    /** 我能申请吗 / 条件. */
    ELIGIBILITY,
    /** 截止时间 / 办理时限. */
    DEADLINE,
    /** 电话 / 地址. */
    CONTACT,
    /** 有什么政策. */
    POLICY_LOOKUP,
    /** 依申请公开 / 政务公开. */
    INFO_DISCLOSURE,
    GREETING,
    THANKS,
    /** 转人工 / 客服. */
    HUMAN_AGENT,
    /** 意见建议, 不满意. */
    FEEDBACK,
    SUBSCRIBE_PUSH,
    UNSUBSCRIBE_PUSH,
    /** 绑定企业. */
    BIND_ENTERPRISE,
    OUT_OF_SCOPE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
