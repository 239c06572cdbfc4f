package cn.zhice.push;

import java.time.Instant;

/**
 * A delivery that needs staff: retries exhausted ({@code DEAD}) or sent with an unknown outcome after a crash
 * ({@code UNKNOWN}), with the last error. Contacts are never part of it.
 */
public record DeadLetter(long deliveryId, long campaignId, String policyExternalId, String uscc, Channel channel,
        String status, int attempts, String reason, Instant updatedAt) {}
