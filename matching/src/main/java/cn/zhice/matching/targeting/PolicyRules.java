package cn.zhice.matching.targeting;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.EntryWithdrawn;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.rules.InvalidRuleTree;
import cn.zhice.matching.rules.RuleTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The parsed eligibility trees of every visible policy, parsed once and shared: screening an enterprise against a
 * thousand policies must not re-parse a thousand JSON trees. Dropped when this instance publishes or withdraws an
 * entry, when the day changes (validity windows) and after {@code maxAge} (changes made on other instances).
 */
public final class PolicyRules {

    private static final Logger log = LoggerFactory.getLogger(PolicyRules.class);

    /** A visible policy with its parsed rule tree. */
    public record PolicyRule(String externalId, String title, RuleTree tree) {}

    private record Snapshot(List<PolicyRule> all, Map<String, PolicyRule> byId, LocalDate day, Instant loadedAt) {}

    private final KnowledgeBase knowledgeBase;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    public PolicyRules(KnowledgeBase knowledgeBase, Clock clock, Duration maxAge) {
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Every visible policy that has an eligibility tree, in the knowledge base's order. */
    public List<PolicyRule> all() {
        return current().all();
    }

    /** One visible policy with an eligibility tree. */
    public Optional<PolicyRule> get(String externalId) {
        return Optional.ofNullable(current().byId().get(externalId));
    }

    /** Forgets the parsed trees; the next call reads the knowledge base again. */
    public void invalidate() {
        snapshot = null;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryPublished event) {
        if (event.kind() == EntryKind.POLICY) {
            invalidate();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(EntryWithdrawn event) {
        if (event.kind() == EntryKind.POLICY) {
            invalidate();
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || !s.day().equals(LocalDate.now(clock)) || now.isAfter(s.loadedAt().plus(maxAge))) {
            s = load(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot load(Instant now) {
        List<PolicyRule> all = new ArrayList<>();
        Map<String, PolicyRule> byId = new LinkedHashMap<>();
        for (Entry policy : knowledgeBase.visible(EntryKind.POLICY)) {
            if (policy.eligibility() == null || policy.eligibility().isNull()) {
                continue;
            }
            try {
                PolicyRule rule = new PolicyRule(policy.externalId(), policy.title(), RuleTree.parse(policy.eligibility()));
                all.add(rule);
                byId.put(rule.externalId(), rule);
            } catch (InvalidRuleTree e) {
                // The knowledge base validates trees on import; one that still fails here is skipped, not fatal.
                log.warn("policy {} skipped: eligibility tree invalid at {}", policy.externalId(), e.getMessage());
            }
        }
        return new Snapshot(List.copyOf(all), Map.copyOf(byId), LocalDate.ofInstant(now, clock.getZone()), now);
    }
}
