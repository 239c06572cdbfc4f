package cn.zhice.push.delivery;

import cn.zhice.push.Channel;
import java.time.Instant;

/**
 * One outbox row as the worker sees it: the (campaign, enterprise, channel) delivery, its tracked-link code, how often
 * it was tried and which channels remain to fall back to.
 */
public record Delivery(long id, long campaignId, String policyExternalId, String uscc, Channel channel,
        DeliveryKind kind, String code, String eligibility, int attempts, String fallback, boolean quietDeferred,
        Instant updatedAt) {}
