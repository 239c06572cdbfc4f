package cn.zhice.push;

import java.time.Instant;
import java.util.List;

/** What an editor asks for: a published policy, channels in order of preference, and optionally when to start. */
public record NewCampaign(String policyExternalId, List<Channel> channels, Instant scheduledAt) {}
