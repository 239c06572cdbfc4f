package cn.zhice.bench.push;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge base and matching as the push benchmark needs them: one policy, N eligible enterprises in memory. */
final class BenchFakes {

    static final String POLICY = "QH-POL-BENCH";
    /** The warm-up campaign's policy: it targets enterprises of its own, so no recipient's limits are used twice. */
    static final String WARMUP_POLICY = "QH-POL-WARMUP";
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private BenchFakes() {}

    /** Enterprise i: 50 % WeChat, 35 % SMS, 15 % email, each with consent to its one channel. */
    static EnterpriseProfile enterprise(int i) {
        String body = String.format("%08d", i);
        String first17 = "91330106" + body + orgCheck(body);
        int kind = i % 20;
        String openId = kind < 10 ? "oBENCH" + body : null;
        String mobile = kind >= 10 && kind < 17 ? "139" + body : null;
        String email = kind >= 17 ? "e" + body + "@bench.example.com" : null;
        return new EnterpriseProfile(new Uscc(first17 + check(first17)), "企业" + i, null, null, null, "滨江市青禾区", null, 20,
                null, null, null, new EnterpriseProfile.Contacts(mobile, email, openId),
                new EnterpriseProfile.Consent(mobile != null, email != null, openId != null));
    }

    static final class Targeting implements PolicyTargeting {

        private final List<EnterpriseProfile> measured;
        private final List<EnterpriseProfile> warmup;
        private final Map<String, EnterpriseProfile> byUscc = new HashMap<>();

        /** {@code n} enterprises for the measured policy, then {@code warmup} more for the warm-up policy. */
        Targeting(int n, int warmup) {
            this.measured = new java.util.ArrayList<>(n);
            this.warmup = new java.util.ArrayList<>(warmup);
            for (int i = 0; i < n + warmup; i++) {
                EnterpriseProfile profile = BenchFakes.enterprise(i);
                (i < n ? measured : this.warmup).add(profile);
                byUscc.put(profile.uscc().value(), profile);
            }
        }

        @Override
        public Targets targets(String policyExternalId) {
            List<EnterpriseProfile> enterprises = WARMUP_POLICY.equals(policyExternalId) ? warmup : measured;
            return new Targets() {
                @Override
                public Map<Eligibility, Integer> counts() {
                    Map<Eligibility, Integer> counts = new EnumMap<>(Eligibility.class);
                    for (Eligibility e : Eligibility.values()) {
                        counts.put(e, e == Eligibility.ELIGIBLE ? enterprises.size() : 0);
                    }
                    return counts;
                }

                @Override
                public Stream<EnterpriseProfile> enterprises(List<Eligibility> outcomes) {
                    return outcomes.contains(Eligibility.ELIGIBLE) ? enterprises.stream() : Stream.empty();
                }

                @Override
                public Optional<Eligibility> outcomeOf(Uscc uscc) {
                    return byUscc.containsKey(uscc.value()) ? Optional.of(Eligibility.ELIGIBLE) : Optional.empty();
                }
            };
        }

        @Override
        public Optional<Match> match(Uscc uscc, String policyExternalId) {
            return Optional.of(new Match(Eligibility.ELIGIBLE, "结论：符合条件", List.of("注册地在滨江市青禾区（满足）")));
        }

        @Override
        public List<PolicyMatch> policiesFor(Uscc uscc) {
            return List.of();
        }

        @Override
        public Optional<EnterpriseProfile> enterprise(Uscc uscc) {
            return Optional.ofNullable(byUscc.get(uscc.value()));
        }
    }

    static final class Policies implements KnowledgeBase {

        private final Entry policy = new Entry(POLICY, EntryKind.POLICY, "规上工业企业技术改造补助", "对技术改造项目给予补助。",
                "正文", "财政", "青禾区经信局", "滨江市青禾区", null, LocalDate.of(2026, 1, 1), null, null, null, null, List.of(),
                List.of(), List.of(), List.of(), null, null, JsonMapper.builder().build().readTree("{\"all\":[]}"));

        @Override
        public Optional<Entry> visible(String externalId) {
            return POLICY.equals(externalId) || WARMUP_POLICY.equals(externalId) ? Optional.of(policy) : Optional.empty();
        }

        @Override
        public List<Entry> visible(EntryKind kind) {
            return kind == EntryKind.POLICY ? List.of(policy) : List.of();
        }

        @Override
        public List<List<String>> synonymGroups() {
            return List.of();
        }
    }

    private static char orgCheck(String body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static char check(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
