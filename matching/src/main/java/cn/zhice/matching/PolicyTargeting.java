package cn.zhice.matching;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which enterprises a published policy reaches and why: the matching module's answer for push campaigns and the
 * staff console. Backed by the in-memory enterprise index, so a whole-population evaluation costs milliseconds.
 */
public interface PolicyTargeting {

    /**
     * Evaluates a visible policy's eligibility tree over every enterprise.
     *
     * @throws cn.zhice.kb.EntryNotFound when the policy is not visible or has no eligibility tree
     */
    Targets targets(String policyExternalId);

    /** One enterprise's verdict on one visible policy; empty when either is unknown or the policy has no tree. */
    Optional<Match> match(Uscc uscc, String policyExternalId);

    /**
     * 政策计算器 for one indexed enterprise: every visible policy it is eligible or likely eligible for or that needs
     * its data, best outcome first; not-eligible policies are left out. Empty when the enterprise is not indexed.
     */
    List<PolicyMatch> policiesFor(Uscc uscc);

    /** The indexed profile of an enterprise. */
    Optional<EnterpriseProfile> enterprise(Uscc uscc);

    /** One policy's outcome for one enterprise. */
    record PolicyMatch(String externalId, String title, Eligibility eligibility, String explanation) {}

    /** The outcome of one whole-population evaluation. */
    interface Targets {

        /** How many enterprises have each outcome (every outcome present, zero included). */
        Map<Eligibility, Integer> counts();

        /** The enterprises with one of {@code outcomes}, in the order given, then by index order. */
        Stream<EnterpriseProfile> enterprises(List<Eligibility> outcomes);

        /** The outcome of one enterprise in this evaluation. */
        Optional<Eligibility> outcomeOf(Uscc uscc);
    }

    /**
     * One enterprise's verdict on one policy.
     *
     * @param explanation the Chinese explanation listing every condition and its outcome
     * @param metConditions the conditions the enterprise meets, each as one Chinese line (why it was targeted)
     */
    record Match(Eligibility eligibility, String explanation, List<String> metConditions) {
        public Match {
            metConditions = List.copyOf(metConditions);
        }
    }
}
