package cn.zhice.push;

import java.time.Instant;
import java.util.List;

/**
 * A campaign: one published policy, the channels in order of preference and an optional schedule, with who created
 * and approved it, and its funnel.
 */
public record Campaign(long id, String policyExternalId, String policyTitle, List<Channel> channels, CampaignKind kind,
        CampaignStatus status, Instant scheduledAt, String createdBy, Instant createdAt, String approvedBy,
        Instant approvedAt, Instant finishedAt, Funnel funnel) {

    public Campaign {
        channels = List.copyOf(channels);
    }
}
