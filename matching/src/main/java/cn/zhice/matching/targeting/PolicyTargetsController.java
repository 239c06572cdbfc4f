package cn.zhice.matching.targeting;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.MatchingProperties;
import cn.zhice.matching.rules.RuleTree;
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

    private final KnowledgeBase knowledgeBase;
    private final EnterpriseIndex index;
    private final MatchingProperties properties;

    PolicyTargetsController(KnowledgeBase knowledgeBase, EnterpriseIndex index, MatchingProperties properties) {
        this.knowledgeBase = knowledgeBase;
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
        Entry policy = knowledgeBase.visible(request.policyExternalId())
                .filter(e -> e.eligibility() != null && !e.eligibility().isNull())
                .orElseThrow(() -> new EntryNotFound(request.policyExternalId()));
        RuleTree tree = RuleTree.parse(policy.eligibility());
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
                EnterpriseProfile p = index.profile(id);
                list.add(new Target(p.uscc().value(), p.name(), outcome,
                        tree.evaluate(index.facts(id), index.trackedTags()).explanation()));
            }
        }
        return new TargetsResponse(policy.externalId(), index.count(), targets.counts(), page, pageSize, list);
    }
}
