package cn.zhice.bot.dialogue;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matching as the bot sees it: enterprises and their 政策计算器 results, set up by the test. */
final class InMemoryPolicyTargeting implements PolicyTargeting {

    private final Map<Uscc, EnterpriseProfile> enterprises = new HashMap<>();
    private final Map<Uscc, List<PolicyMatch>> policies = new HashMap<>();

    InMemoryPolicyTargeting add(EnterpriseProfile enterprise, List<PolicyMatch> matches) {
        enterprises.put(enterprise.uscc(), enterprise);
        policies.put(enterprise.uscc(), List.copyOf(matches));
        return this;
    }

    static EnterpriseProfile enterprise(String uscc, String name, String mobile) {
        return new EnterpriseProfile(Uscc.parse(uscc), name, null, null, null, "滨江市青禾区", null, null, null, null,
                List.of(), new EnterpriseProfile.Contacts(mobile, null, null), null);
    }

    @Override
    public Targets targets(String policyExternalId) {
        throw new UnsupportedOperationException("the bot never targets a whole population");
    }

    @Override
    public Optional<Match> match(Uscc uscc, String policyExternalId) {
        return Optional.empty();
    }

    @Override
    public List<PolicyMatch> policiesFor(Uscc uscc) {
        return policies.getOrDefault(uscc, List.of());
    }

    @Override
    public Optional<EnterpriseProfile> enterprise(Uscc uscc) {
        return Optional.ofNullable(enterprises.get(uscc));
    }
}
