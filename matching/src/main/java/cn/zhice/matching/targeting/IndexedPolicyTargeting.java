package cn.zhice.matching.targeting;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.rules.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/** {@link PolicyTargeting} over the {@link EnterpriseIndex} and the knowledge base's visible policies. */
@Component
class IndexedPolicyTargeting implements PolicyTargeting {

    private final KnowledgeBase knowledgeBase;
    private final EnterpriseIndex index;

    IndexedPolicyTargeting(KnowledgeBase knowledgeBase, EnterpriseIndex index) {
        this.knowledgeBase = knowledgeBase;
        this.index = index;
    }

    @Override
    public Targets targets(String policyExternalId) {
        RuleTree tree = tree(policyExternalId).orElseThrow(() -> new EntryNotFound(policyExternalId));
        EnterpriseIndex.Targets targets = index.evaluate(tree);
        return new Targets() {
            @Override
            public Map<Eligibility, Integer> counts() {
                return targets.counts();
            }

            @Override
            public Stream<EnterpriseProfile> enterprises(List<Eligibility> outcomes) {
                return outcomes.stream().flatMap(outcome -> StreamSupport
                        .stream(targets.byOutcome().getOrDefault(outcome, new RoaringBitmap()).spliterator(), false)
                        .map(index::profile));
            }

            @Override
            public Optional<Eligibility> outcomeOf(Uscc uscc) {
                OptionalInt id = index.idOf(uscc);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                return targets.byOutcome().entrySet().stream()
                        .filter(e -> e.getValue().contains(id.getAsInt()))
                        .map(Map.Entry::getKey)
                        .findFirst();
            }
        };
    }

    @Override
    public Optional<Match> match(Uscc uscc, String policyExternalId) {
        OptionalInt id = index.idOf(uscc);
        Optional<RuleTree> tree = tree(policyExternalId);
        if (id.isEmpty() || tree.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = tree.get().evaluate(index.facts(id.getAsInt()), index.trackedTags());
        List<String> met = verdict.conditions().stream()
                .filter(c -> c.outcome() == ConditionOutcome.MET)
                .map(Verdict.ConditionResult::line)
                .toList();
        return Optional.of(new Match(verdict.eligibility(), verdict.explanation(), met));
    }

    @Override
    public List<PolicyMatch> policiesFor(Uscc uscc) {
        OptionalInt id = index.idOf(uscc);
        if (id.isEmpty()) {
            return List.of();
        }
        var facts = index.facts(id.getAsInt());
        List<PolicyMatch> matches = new ArrayList<>();
        for (Entry policy : knowledgeBase.visible(EntryKind.POLICY)) {
            if (policy.eligibility() == null || policy.eligibility().isNull()) {
                continue;
            }
            Verdict v = RuleTree.parse(policy.eligibility()).evaluate(facts, index.trackedTags());
            if (v.eligibility() != Eligibility.NOT_ELIGIBLE) {
                matches.add(new PolicyMatch(policy.externalId(), policy.title(), v.eligibility(), v.explanation()));
            }
        }
        matches.sort(Comparator.comparing(PolicyMatch::eligibility).thenComparing(PolicyMatch::externalId));
        return matches;
    }

    @Override
    public Optional<EnterpriseProfile> enterprise(Uscc uscc) {
        OptionalInt id = index.idOf(uscc);
        return id.isEmpty() ? Optional.empty() : Optional.of(index.profile(id.getAsInt()));
    }

    private Optional<RuleTree> tree(String policyExternalId) {
        return knowledgeBase.visible(policyExternalId)
                .map(Entry::eligibility)
                .filter(json -> json != null && !json.isNull())
                .map(RuleTree::parse);
    }
}
