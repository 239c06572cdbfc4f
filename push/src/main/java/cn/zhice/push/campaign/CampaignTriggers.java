package cn.zhice.push.campaign;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.EnterpriseNewlyEligible;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.push.CampaignKind;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.PushProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns nobody typed: a policy published for the first time, and enterprises a profile change made newly
 * eligible, each become a campaign pending staff approval — never a send. Deadline reminders go, once, to the
 * enterprises that received a policy when its deadline is {@code zhice.push.reminder-days} away.
 */
final class CampaignTriggers {

    private static final Logger log = LoggerFactory.getLogger(CampaignTriggers.class);

    private final CampaignService campaigns;
    private final CampaignStore store;
    private final KnowledgeBase knowledgeBase;
    private final PolicyTargeting targeting;
    private final PushProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignTriggers(CampaignService campaigns, CampaignStore store, KnowledgeBase knowledgeBase, PolicyTargeting targeting,
            PushProperties properties, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.knowledgeBase = knowledgeBase;
        this.targeting = targeting;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A policy with eligibility rules was published for the first time: propose a campaign. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        if (!event.firstPublication() || event.kind() != EntryKind.POLICY) {
            return;
        }
        boolean targetable = knowledgeBase.visible(event.externalId())
                .map(Entry::eligibility).filter(tree -> !tree.isNull()).isPresent();
        if (!targetable || store.exists(event.externalId(), CampaignKind.NEW_POLICY)) {
            return;
        }
        long id = campaigns.propose(event.externalId(), CampaignKind.NEW_POLICY, CampaignStatus.PENDING_APPROVAL);
        log.info("Policy {} published: campaign {} proposed for approval", event.externalId(), id);
    }

    /** Enterprises newly eligible for a policy join one pending campaign per policy, for staff to approve. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(EnterpriseNewlyEligible event) {
        if (!properties.targetOutcomes().contains(event.eligibility())) {
            return;
        }
        tx.executeWithoutResult(status -> {
            long id = store.pending(event.policyExternalId(), CampaignKind.NEWLY_ELIGIBLE).orElseGet(() ->
                    campaigns.propose(event.policyExternalId(), CampaignKind.NEWLY_ELIGIBLE, CampaignStatus.PENDING_APPROVAL));
            store.addTarget(id, event.uscc());
        });
    }

    /**
     * Proposes (already approved: the notice was) one reminder campaign per policy whose deadline is at most
     * {@code reminder-days} away, to the enterprises the notice reached that are still eligible.
     *
     * @return how many reminder campaigns were created
     */
    int remindDeadlines() {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(properties.reminderDays());
        int created = 0;
        for (Entry policy : knowledgeBase.visible(EntryKind.POLICY)) {
            LocalDate deadline = policy.validTo();
            if (deadline == null || deadline.isBefore(today) || deadline.isAfter(horizon)
                    || store.exists(policy.externalId(), CampaignKind.REMINDER)) {
                continue;
            }
            Set<String> noticed = store.noticed(policy.externalId());
            if (noticed.isEmpty()) {
                continue;
            }
            var targets = targeting.targets(policy.externalId());
            tx.executeWithoutResult(status -> {
                long id = campaigns.propose(policy.externalId(), CampaignKind.REMINDER, CampaignStatus.APPROVED);
                for (String uscc : noticed) {
                    if (targets.outcomeOf(new Uscc(uscc)).filter(properties.targetOutcomes()::contains).isPresent()) {
                        store.addTarget(id, uscc);
                    }
                }
                log.info("Deadline of {} on {}: reminder campaign {} created", policy.externalId(), deadline, id);
            });
            created++;
        }
        return created;
    }
}
