package cn.zhice.push;

import cn.zhice.matching.Eligibility;
import java.util.List;
import java.util.Map;

/**
 * What a campaign would do if approved now: target counts by eligibility outcome, how many would be reached on each
 * channel or suppressed and why, a sample of recipients with the reason they were chosen, and the message per channel.
 */
public record CampaignPreview(long campaignId, String policyExternalId, String policyTitle,
        Map<Eligibility, Integer> counts, List<Eligibility> targetedOutcomes, int targeted,
        Map<Channel, Integer> byChannel, Map<Suppression, Integer> suppressed, List<Recipient> sample,
        Map<Channel, RenderedMessage> messages) {

    /** One sample recipient: contacts masked, the channel it would get, and the conditions it meets. */
    public record Recipient(String uscc, String name, Eligibility eligibility, Channel channel, String contact,
            Suppression suppression, List<String> reasons) {}

    /** A message as the channel would carry it; {@code subject} only for email. */
    public record RenderedMessage(String subject, String text, String html) {}
}
