package cn.zhice.push.campaign;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignKind;
import cn.zhice.push.CampaignNotFound;
import cn.zhice.push.CampaignNotInState;
import cn.zhice.push.CampaignPreview;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Campaigns;
import cn.zhice.push.Channel;
import cn.zhice.push.DeadLetter;
import cn.zhice.push.Funnel;
import cn.zhice.push.InvalidCampaign;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.PushProperties;
import cn.zhice.push.SelfApproval;
import cn.zhice.push.Suppression;
import cn.zhice.push.delivery.Addresses;
import cn.zhice.push.delivery.Delivery;
import cn.zhice.push.delivery.DeliveryKind;
import cn.zhice.push.delivery.Fallbacks;
import cn.zhice.push.delivery.MessageTemplates;
import cn.zhice.push.delivery.OptOuts;
import cn.zhice.push.delivery.Outbox;
import cn.zhice.push.delivery.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns: creation and four-eyes approval, previews, planning an approved campaign into outbox rows (one per
 * enterprise and channel tried, in the campaign's order of preference), finishing, and the funnel.
 */
final class CampaignService implements Campaigns {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    static final String SYSTEM = "system";

    private final CampaignStore store;
    private final Outbox outbox;
    private final OptOuts optOuts;
    private final PolicyTargeting targeting;
    private final KnowledgeBase knowledgeBase;
    private final MessageTemplates templates;
    private final PushProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignService(CampaignStore store, Outbox outbox, OptOuts optOuts, PolicyTargeting targeting,
            KnowledgeBase knowledgeBase, MessageTemplates templates, PushProperties properties, TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.targeting = targeting;
        this.knowledgeBase = knowledgeBase;
        this.templates = templates;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Campaign create(NewCampaign request, String actor) {
        validate(request);
        List<Channel> channels = List.copyOf(new LinkedHashSet<>(request.channels()));
        long id = store.insert(request.policyExternalId(), channels, CampaignKind.MANUAL, CampaignStatus.PENDING_APPROVAL,
                request.scheduledAt(), actor);
        return find(id);
    }

    @Override
    public CampaignPreview preview(NewCampaign request, String actor) {
        validate(request);
        return preview(new CampaignStore.Row(0, request.policyExternalId(),
                List.copyOf(new LinkedHashSet<>(request.channels())), CampaignKind.MANUAL, CampaignStatus.PENDING_APPROVAL,
                request.scheduledAt(), actor, clock.instant(), null, null, null));
    }

    private void validate(NewCampaign request) {
        if (request == null || request.policyExternalId() == null || request.policyExternalId().isBlank()) {
            throw new InvalidCampaign("policyExternalId", "请指定要推送的政策编号 policyExternalId");
        }
        if (request.channels() == null || request.channels().isEmpty() || request.channels().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidCampaign("channels", "请至少选择一个推送渠道（WECHAT、SMS、EMAIL）");
        }
        if (request.scheduledAt() != null && request.scheduledAt().isBefore(clock.instant().minusSeconds(60))) {
            throw new InvalidCampaign("scheduledAt", "计划时间不能早于当前时间");
        }
        policy(request.policyExternalId());
    }

    /** A campaign proposed by a trigger, pending approval like any other (or approved, for deadline reminders). */
    long propose(String policyExternalId, CampaignKind kind, CampaignStatus status) {
        return store.insert(policyExternalId, properties.defaultChannels(), kind, status, null, SYSTEM);
    }

    @Override
    public CampaignPreview preview(long id) {
        return preview(row(id));
    }

    private CampaignPreview preview(CampaignStore.Row row) {
        long id = row.id();
        Entry policy = policy(row.policyExternalId());
        PolicyTargeting.Targets targets = targeting.targets(row.policyExternalId());
        Set<String> restricted = targetsOf(row);
        Planner planner = planner(row);
        Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        Map<Suppression, Integer> suppressed = new EnumMap<>(Suppression.class);
        List<CampaignPreview.Recipient> sample = new ArrayList<>();
        int[] targeted = {0};
        enterprises(targets, restricted).forEach(profile -> {
            targeted[0]++;
            Plan plan = planner.plan(profile);
            if (plan.channel() != null) {
                byChannel.merge(plan.channel(), 1, Integer::sum);
            } else {
                suppressed.merge(plan.reason(), 1, Integer::sum);
            }
            if (sample.size() < properties.sampleSize()) {
                Channel shown = plan.channel() != null ? plan.channel() : row.channels().get(0);
                String contact = EnterpriseProfile.Contacts.mask(Addresses.of(profile, shown));
                List<String> reasons = targeting.match(profile.uscc(), row.policyExternalId())
                        .map(PolicyTargeting.Match::metConditions).orElse(List.of());
                sample.add(new CampaignPreview.Recipient(profile.uscc().value(), profile.name(),
                        targets.outcomeOf(profile.uscc()).orElse(null), plan.channel(), contact, plan.reason(), reasons));
            }
        });
        Map<Channel, CampaignPreview.RenderedMessage> messages = new EnumMap<>(Channel.class);
        CampaignPreview.Recipient first = sample.isEmpty() ? null : sample.get(0);
        for (Channel channel : row.channels()) {
            Delivery example = new Delivery(0, id, row.policyExternalId(), first == null ? "" : first.uscc(), channel,
                    kindOf(row), "PREVIEW", first == null || first.eligibility() == null ? Eligibility.ELIGIBLE.name()
                            : first.eligibility().name(), 0, null, false, clock.instant());
            String base = properties.baseUrl();
            OutgoingMessage message = new OutgoingMessage(example, null, first == null ? "示例企业" : first.name(), policy,
                    first == null ? List.of() : first.reasons(), base + "/p/PREVIEW", base + "/api/push/unsubscribe/PREVIEW");
            messages.put(channel, switch (channel) {
                case SMS -> new CampaignPreview.RenderedMessage(null, templates.sms(message), null);
                case EMAIL -> {
                    MessageTemplates.Mail mail = templates.mail(message);
                    yield new CampaignPreview.RenderedMessage(mail.subject(), mail.text(), mail.html());
                }
                case WECHAT -> new CampaignPreview.RenderedMessage(null,
                        templates.wechat(message, properties.wechat().fieldMap()).toString(), null);
            });
        }
        return new CampaignPreview(id, row.policyExternalId(), policy.title(), targets.counts(), properties.targetOutcomes(),
                targeted[0], byChannel, suppressed, sample, messages);
    }

    @Override
    public Campaign approve(long id, String actor) {
        CampaignStore.Row row = row(id);
        if (row.createdBy().equals(actor)) {
            throw new SelfApproval(id, actor);
        }
        if (row.status() != CampaignStatus.PENDING_APPROVAL || !store.approve(id, actor)) {
            throw new CampaignNotInState(id, row(id).status(), "批准");
        }
        log.info("Campaign {} for {} approved by {}", id, row.policyExternalId(), actor);
        return find(id);
    }

    @Override
    public Campaign cancel(long id, String actor) {
        CampaignStore.Row row = row(id);
        if (!store.cancel(id)) {
            throw new CampaignNotInState(id, row.status(), "取消");
        }
        log.info("Campaign {} cancelled by {}", id, actor);
        return find(id);
    }

    @Override
    public Campaign find(long id) {
        CampaignStore.Row row = row(id);
        String title = knowledgeBase.visible(row.policyExternalId()).map(Entry::title).orElse(null);
        return new Campaign(row.id(), row.policyExternalId(), title, row.channels(), row.kind(), row.status(),
                row.scheduledAt(), row.createdBy(), row.createdAt(), row.approvedBy(), row.approvedAt(), row.finishedAt(),
                funnel(id));
    }

    @Override
    public List<Campaign> list(int limit) {
        return store.list(Math.max(1, Math.min(limit, 500))).stream().map(row -> find(row.id())).toList();
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return store.deadLetters(Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public void retry(long deliveryId, String actor) {
        if (!store.retry(deliveryId)) {
            throw new CampaignNotFound(deliveryId);
        }
        log.info("Dead letter {} put back into the outbox by {}", deliveryId, actor);
    }

    /** Plans every approved campaign whose time has come, and finishes campaigns with nothing left to send. */
    void tick() {
        for (long id : store.due()) {
            try {
                plan(id);
            } catch (RuntimeException e) {
                log.error("Could not plan campaign {}", id, e);
            }
        }
        store.finishDone();
    }

    /**
     * Turns an approved campaign into outbox rows, committed {@value #PLANNING_CHUNK} rows at a time under a lease so
     * that sending starts with the first chunk; false when another instance holds the lease or planned it already.
     * A planner that crashed mid-way is taken over when its lease ran out: enterprises with rows are skipped, and a
     * planner that lost its lease commits nothing more, so no enterprise is planned twice.
     */
    boolean plan(long id) {
        CampaignStore.Row row = row(id);
        String holder = UUID.randomUUID().toString();
        Duration lease = properties.worker().lease();
        if (!store.lease(id, holder, clock.instant().plus(lease))) {
            return false;
        }
        if (knowledgeBase.visible(row.policyExternalId()).isEmpty()) {
            return commit(id, holder, List.of(), true);
        }
        PolicyTargeting.Targets targets = targeting.targets(row.policyExternalId());
        Set<String> restricted = targetsOf(row);
        Set<String> done = store.plannedEnterprises(id);
        Planner planner = planner(row);
        Instant due = clock.instant();
        DeliveryKind kind = kindOf(row);
        List<Channel> channels = row.channels();
        List<Outbox.Planned> rows = new ArrayList<>();
        int total = 0;
        Iterator<EnterpriseProfile> profiles = enterprises(targets, restricted).iterator();
        while (profiles.hasNext()) {
            EnterpriseProfile profile = profiles.next();
            if (done.contains(profile.uscc().value())) {
                continue;
            }
            String eligibility = targets.outcomeOf(profile.uscc()).map(Enum::name).orElse(Eligibility.LIKELY.name());
            Plan plan = planner.plan(profile);
            for (int i = 0; i < channels.size(); i++) {
                Channel channel = channels.get(i);
                Suppression reason = plan.reasons().get(channel);
                if (reason != null) {
                    rows.add(new Outbox.Planned(id, row.policyExternalId(), profile.uscc().value(), channel, kind,
                            eligibility, due, reason, null));
                    continue;
                }
                rows.add(new Outbox.Planned(id, row.policyExternalId(), profile.uscc().value(), channel, kind,
                        eligibility, due, null, Fallbacks.format(channels.subList(i + 1, channels.size()))));
                break;
            }
            // an enterprise's rows are never split over two chunks: a later planner skips it as a whole
            if (rows.size() >= PLANNING_CHUNK) {
                if (!commit(id, holder, rows, false)) {
                    log.warn("Campaign {}: planning lease lost after {} rows; another instance continues", id, total);
                    return false;
                }
                total += rows.size();
                rows = new ArrayList<>();
            }
        }
        if (!commit(id, holder, rows, true)) {
            log.warn("Campaign {}: planning lease lost after {} rows; another instance continues", id, total);
            return false;
        }
        total += rows.size();
        log.info("Campaign {} planned: {} outbox rows{}", id, total, done.isEmpty() ? "" : " (resumed after " + done.size() + " enterprises)");
        return true;
    }

    /** Rows planned per transaction. */
    static final int PLANNING_CHUNK = 2_000;

    /** Commits one chunk if this planner still holds the lease, extending it; the last chunk ends planning. */
    private boolean commit(long id, String holder, List<Outbox.Planned> rows, boolean last) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!store.renew(id, holder, clock.instant().plus(properties.worker().lease()))) {
                return false;
            }
            outbox.insert(rows);
            if (last) {
                store.planned(id, holder);
            }
            return true;
        }));
    }

    /** The channel an enterprise will first be tried on, and why each earlier channel was skipped. */
    record Plan(Channel channel, Suppression reason, Map<Channel, Suppression> reasons) {}

    /** Decides per enterprise from consent, contacts, opt-outs and what it already received. */
    private final class Planner {

        private final List<Channel> channels;
        private final Map<Channel, Set<String>> optedOut = new EnumMap<>(Channel.class);
        private final Set<String> reached;

        Planner(CampaignStore.Row row) {
            this.channels = row.channels();
            for (Channel channel : channels) {
                optedOut.put(channel, optOuts.all(channel));
            }
            this.reached = store.reached(row.policyExternalId(), kindOf(row).name());
        }

        Plan plan(EnterpriseProfile profile) {
            Map<Channel, Suppression> reasons = new HashMap<>();
            for (Channel channel : channels) {
                Suppression reason = Addresses.unusable(profile, channel);
                if (reason == null && optedOut.get(channel).contains(Addresses.hash(channel, Addresses.of(profile, channel)))) {
                    reason = Suppression.OPTED_OUT;
                }
                if (reason == null && reached.contains(profile.uscc().value() + "|" + channel.name())) {
                    reason = Suppression.ALREADY_RECEIVED;
                }
                if (reason == null) {
                    return new Plan(channel, null, reasons);
                }
                reasons.put(channel, reason);
            }
            return new Plan(null, reasons.get(channels.get(0)), reasons);
        }
    }

    private Planner planner(CampaignStore.Row row) {
        return new Planner(row);
    }

    private Stream<EnterpriseProfile> enterprises(PolicyTargeting.Targets targets, Set<String> restricted) {
        Stream<EnterpriseProfile> all = targets.enterprises(properties.targetOutcomes());
        return restricted.isEmpty() ? all : all.filter(profile -> restricted.contains(profile.uscc().value()));
    }

    private Set<String> targetsOf(CampaignStore.Row row) {
        Set<String> restricted = store.targets(row.id());
        if (row.kind() == CampaignKind.NEWLY_ELIGIBLE || row.kind() == CampaignKind.REMINDER) {
            // restricted by construction; an empty list means nobody, not everybody
            return restricted.isEmpty() ? Set.of("") : restricted;
        }
        return restricted;
    }

    private static DeliveryKind kindOf(CampaignStore.Row row) {
        return row.kind() == CampaignKind.REMINDER ? DeliveryKind.REMINDER : DeliveryKind.NOTICE;
    }

    Funnel funnel(long id) {
        Map<String, Integer> counts = outbox.countsByStatus(id);
        Map<Suppression, Integer> suppressed = new EnumMap<>(Suppression.class);
        for (Suppression reason : Suppression.values()) {
            suppressed.put(reason, counts.getOrDefault("SUPPRESSED:" + reason.name(), 0));
        }
        suppressed.put(Suppression.QUIET_HOURS_DEFERRED, store.quietDeferred(id));
        Map<Boolean, Integer> votes = store.feedback(id);
        int dead = counts.getOrDefault("DEAD", 0);
        int unknown = counts.getOrDefault("UNKNOWN", 0);
        return new Funnel(store.targeted(id), suppressed,
                counts.getOrDefault("PENDING", 0) + counts.getOrDefault("SENDING", 0),
                counts.getOrDefault("SENT", 0) + counts.getOrDefault("DELIVERED", 0),
                counts.getOrDefault("DELIVERED", 0),
                counts.getOrDefault("FAILED", 0) + dead,
                dead + unknown,
                store.clicked(id), votes.getOrDefault(true, 0), votes.getOrDefault(false, 0));
    }

    private CampaignStore.Row row(long id) {
        return store.find(id).orElseThrow(() -> new CampaignNotFound(id));
    }

    private Entry policy(String externalId) {
        return knowledgeBase.visible(externalId)
                .filter(entry -> entry.eligibility() != null && !entry.eligibility().isNull())
                .orElseThrow(() -> new EntryNotFound(externalId));
    }
}
