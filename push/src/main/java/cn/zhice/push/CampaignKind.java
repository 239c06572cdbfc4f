package cn.zhice.push;

/** Why a campaign exists. */
public enum CampaignKind {
    /** Created by staff. */
    MANUAL,
    /** Proposed automatically when a policy was published for the first time. */
    NEW_POLICY,
    /** Proposed automatically when profile changes made enterprises newly eligible. */
    NEWLY_ELIGIBLE,
    /** The one reminder before a policy's application deadline to enterprises that received it. */
    REMINDER
}
