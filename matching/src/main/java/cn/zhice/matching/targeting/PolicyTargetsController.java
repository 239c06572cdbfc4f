package cn.zhice.matching.targeting;

import cn.zhice.kb.EntryNotFound;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.MatchingProperties;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/matching/policy-targets}: which enterprises a policy reaches — counts by outcome over the whole
 * index and one page of targets (eligible first, then likely, then needing data) with explanations.
 */
@RestController
class PolicyTargetsController {

    private static final List<Eligibility> TARGET_ORDER = List.of(Eligibility.ELIGIBLE, Eligibility.LIKELY, Eligibility.NEEDS_DATA);

    private final PolicyRules policies;
    private final EnterpriseIndex index;
    private final MatchingProperties properties;

    PolicyTargetsController(PolicyRules policies, EnterpriseIndex index, MatchingProperties properties) {
        this.policies = policies;
        this.index = index;
        this.properties = properties;
    }

    /** @param page 0-based page of targets */
    record TargetsRequest(String policyExternalId, Integer page) {}

    record Target(String uscc, String name, Eligibility eligibility, String explanation) {}

    record TargetsResponse(String policyExternalId, int enterprises, Map<Eligibility, Integer> counts, int page,
            int pageSize, List<Target> targets) {}

    @PostMapping("/api/matching/policy-targets")
    TargetsResponse targets(@RequestBody TargetsRequest request) {
        PolicyRule policy = policies.get(request.policyExternalId())
                .orElseThrow(() -> new EntryNotFound(request.policyExternalId()));
        RuleTree tree = policy.tree();
        EnterpriseIndex.Targets targets = index.evaluate(tree);
        int page = request.page() == null ? 0 : Math.max(0, request.page());
        int pageSize = properties.pageSize();
        long skip = (long) page * pageSize;
        List<Target> list = new ArrayList<>();
        for (Eligibility outcome : TARGET_ORDER) {
            RoaringBitmap ids = targets.byOutcome().get(outcome);
            for (int id : ids) {
                if (list.size() >= pageSize) {
                    break;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                EnterpriseProfile p = targets.profile(id);
                list.add(new Target(p.uscc().value(), p.name(), outcome,
                        tree.evaluate(targets.facts(id), index.trackedTags()).explanation()));
            }
        }
        return new TargetsResponse(policy.externalId(), index.count(), targets.counts(), page, pageSize, list);
    }
}
