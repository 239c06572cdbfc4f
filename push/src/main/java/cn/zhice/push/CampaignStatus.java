package cn.zhice.push;

/** Where a campaign is in its life: staff create it, a reviewer approves it, the outbox runs it. */
public enum CampaignStatus {
    /** Created by an editor or a trigger; nothing is sent until a reviewer approves it. */
    PENDING_APPROVAL,
    /** Approved; deliveries are planned when its scheduled time comes. */
    APPROVED,
    /** Deliveries are planned and being sent. */
    RUNNING,
    /** Every delivery reached a final state (sent, delivered, failed, suppressed or dead-lettered). */
    FINISHED,
    /** Withdrawn before it ran. */
    CANCELLED
}
