package cn.zhice.push.delivery;

/** What a delivery carries: the policy notice, or the one reminder before its deadline. */
public enum DeliveryKind {
    NOTICE,
    REMINDER
}
