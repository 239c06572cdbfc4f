package cn.zhice.push;

import java.util.List;

/**
 * Campaigns for staff: create, preview, approve (never one's own), follow the funnel, and handle dead letters. The
 * REST API and the staff console both use it.
 */
public interface Campaigns {

    /**
     * Creates a campaign pending approval.
     *
     * @throws cn.zhice.kb.EntryNotFound when the policy is not published or has no eligibility rules
     * @throws InvalidCampaign when the channels or schedule are not acceptable
     */
    Campaign create(NewCampaign request, String actor);

    /** What the campaign would send now. */
    CampaignPreview preview(long id);

    /**
     * What a campaign request would send if it were created and approved now, without creating it (the console's
     * wizard shows this before the editor submits); {@code campaignId} is 0.
     *
     * @throws cn.zhice.kb.EntryNotFound when the policy is not published or has no eligibility rules
     * @throws InvalidCampaign when the channels or schedule are not acceptable
     */
    CampaignPreview preview(NewCampaign request, String actor);

    /**
     * Approves a pending campaign; it runs at its scheduled time (at once without one).
     *
     * @throws SelfApproval when {@code actor} created it
     * @throws CampaignNotInState when it is not pending approval
     */
    Campaign approve(long id, String actor);

    /** Cancels a campaign that has not started running. */
    Campaign cancel(long id, String actor);

    /** A campaign with its funnel; {@link CampaignNotFound} when there is none. */
    Campaign find(long id);

    /** The most recent campaigns first. */
    List<Campaign> list(int limit);

    /** Deliveries waiting for staff: dead letters and unknown outcomes, newest first. */
    List<DeadLetter> deadLetters(int limit);

    /** Puts a dead letter back into the outbox for another series of attempts (never an unknown outcome's resend). */
    void retry(long deliveryId, String actor);
}
