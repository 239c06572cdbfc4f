package cn.zhice.matching.targeting;

import cn.zhice.kb.EntryNotFound;
import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.Verdict;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Component;

/** {@link PolicyTargeting} over the {@link EnterpriseIndex} and the parsed trees of the visible policies. */
@Component
class IndexedPolicyTargeting implements PolicyTargeting {

    private final PolicyRules policies;
    private final EnterpriseIndex index;

    IndexedPolicyTargeting(PolicyRules policies, EnterpriseIndex index) {
        this.policies = policies;
        this.index = index;
    }

    @Override
    public Targets targets(String policyExternalId) {
        PolicyRule policy = policies.get(policyExternalId).orElseThrow(() -> new EntryNotFound(policyExternalId));
        EnterpriseIndex.Targets targets = index.evaluate(policy.tree());
        return new Targets() {
            @Override
            public Map<Eligibility, Integer> counts() {
                return targets.counts();
            }

            @Override
            public Stream<EnterpriseProfile> enterprises(List<Eligibility> outcomes) {
                return outcomes.stream().flatMap(outcome -> StreamSupport
                        .stream(targets.byOutcome().getOrDefault(outcome, new RoaringBitmap()).spliterator(), false)
                        .map(targets::profile));
            }

            @Override
            public Optional<Eligibility> outcomeOf(Uscc uscc) {
                return targets.outcomeOf(uscc);
            }
        };
    }

    @Override
    public Optional<Match> match(Uscc uscc, String policyExternalId) {
        Optional<Facts> facts = index.facts(uscc);
        Optional<PolicyRule> policy = policies.get(policyExternalId);
        if (facts.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = policy.get().tree().evaluate(facts.get(), index.trackedTags());
        List<String> met = verdict.conditions().stream()
                .filter(c -> c.outcome() == ConditionOutcome.MET)
                .map(Verdict.ConditionResult::line)
                .toList();
        return Optional.of(new Match(verdict.eligibility(), verdict.explanation(), met));
    }

    @Override
    public List<PolicyMatch> policiesFor(Uscc uscc) {
        Optional<Facts> found = index.facts(uscc);
        if (found.isEmpty()) {
            return List.of();
        }
        Facts facts = found.get();
        List<PolicyMatch> matches = new ArrayList<>();
        for (PolicyRule policy : policies.all()) {
            // Screen on the outcome alone; only the policies shown get their explanation written.
            if (policy.tree().eligibility(facts, index.trackedTags()) == Eligibility.NOT_ELIGIBLE) {
                continue;
            }
            Verdict v = policy.tree().evaluate(facts, index.trackedTags());
            matches.add(new PolicyMatch(policy.externalId(), policy.title(), v.eligibility(), v.explanation()));
        }
        matches.sort(Comparator.comparing(PolicyMatch::eligibility).thenComparing(PolicyMatch::externalId));
        return matches;
    }

    @Override
    public Optional<EnterpriseProfile> enterprise(Uscc uscc) {
        return index.profile(uscc);
    }
}
