package cn.zhice.matching.enterprise;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseNewlyEligible;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.targeting.EnterpriseIndex;
import cn.zhice.matching.targeting.PolicyRules;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every write to enterprise profiles goes through here: the database first, then, once that has committed, the
 * in-memory index and one {@link EnterpriseNewlyEligible} per visible policy whose outcome for a changed enterprise
 * moved to ELIGIBLE or LIKELY from NOT_ELIGIBLE, NEEDS_DATA or nothing (a new enterprise). Push turns those events
 * into pending deliveries for staff approval.
 */
@Component
class ProfileUpdates {

    private final EnterpriseStore store;
    private final EnterpriseIndex index;
    private final PolicyRules policies;
    private final ApplicationEventPublisher events;

    ProfileUpdates(EnterpriseStore store, EnterpriseIndex index, PolicyRules policies, ApplicationEventPublisher events) {
        this.store = store;
        this.index = index;
        this.policies = policies;
        this.events = events;
    }

    /** Saves every profile in one transaction (all or nothing), then indexes them and announces new eligibility. */
    void saveAll(List<EnterpriseProfile> profiles) {
        store.saveAll(profiles);
        afterCommit(() -> apply(profiles));
    }

    /** Inserts or replaces one profile; returns whether it was new. */
    boolean save(EnterpriseProfile profile) {
        boolean created = store.save(profile);
        afterCommit(() -> apply(List.of(profile)));
        return created;
    }

    /** Deletes one profile; returns whether it existed. */
    boolean delete(Uscc uscc) {
        boolean deleted = store.delete(uscc);
        if (deleted) {
            afterCommit(() -> index.remove(uscc));
        }
        return deleted;
    }

    // Called inside a caller's transaction, the index and the events wait for its commit; a rollback leaves both alone.
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    // Serialised so that two writes of one enterprise each compare against the outcome the other left behind.
    private synchronized void apply(List<EnterpriseProfile> profiles) {
        List<PolicyRule> rules = policies.all();
        List<EnterpriseNewlyEligible> newlyEligible = new ArrayList<>();
        for (EnterpriseProfile profile : profiles) {
            Optional<Facts> before = index.facts(profile.uscc());
            index.put(profile);
            Facts after = index.facts(profile.uscc()).orElseThrow();
            for (PolicyRule rule : rules) {
                Eligibility now = rule.tree().eligibility(after, index.trackedTags());
                if (now != Eligibility.ELIGIBLE && now != Eligibility.LIKELY) {
                    continue;
                }
                Eligibility was = before.map(f -> rule.tree().eligibility(f, index.trackedTags())).orElse(null);
                if (was == null || was == Eligibility.NOT_ELIGIBLE || was == Eligibility.NEEDS_DATA) {
                    newlyEligible.add(new EnterpriseNewlyEligible(profile.uscc().value(), rule.externalId(), now));
                }
            }
        }
        newlyEligible.forEach(events::publishEvent);
    }
}
