package cn.zhice.push.delivery;

import cn.zhice.kb.Entry;
import java.util.List;

/**
 * Everything a channel needs to send one delivery: the address (never logged), the policy, why the enterprise got
 * it, and its tracked link.
 */
public record OutgoingMessage(Delivery delivery, String address, String enterpriseName, Entry policy,
        List<String> reasons, String link, String unsubscribeLink) {}
