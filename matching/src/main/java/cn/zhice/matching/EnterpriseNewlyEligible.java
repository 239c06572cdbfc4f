package cn.zhice.matching;

/**
 * Published after an enterprise profile change when a visible policy that the enterprise was not eligible (or likely
 * eligible) for before now is. Push turns it into a pending delivery for staff approval, never a direct send.
 */
public record EnterpriseNewlyEligible(String uscc, String policyExternalId, Eligibility eligibility) {}
