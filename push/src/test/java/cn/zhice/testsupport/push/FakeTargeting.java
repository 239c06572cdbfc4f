package cn.zhice.testsupport.push;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** An in-memory {@link PolicyTargeting}: enterprises with a fixed outcome per policy (ELIGIBLE unless set). */
public final class FakeTargeting implements PolicyTargeting {

    private final Map<String, EnterpriseProfile> enterprises = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Eligibility> outcomes = new ConcurrentHashMap<>();
    private volatile int failAfter = -1;

    public void add(EnterpriseProfile profile) {
        if (enterprises.put(profile.uscc().value(), profile) == null) {
            order.add(profile.uscc().value());
        }
    }

    public void clear() {
        enterprises.clear();
        order.clear();
        outcomes.clear();
        failAfter = -1;
    }

    /** Targeting streams fail after {@code enterprises} enterprises, as a planner crashing mid-way would; -1 heals. */
    public void failAfter(int enterprises) {
        failAfter = enterprises;
    }

    public void outcome(Uscc uscc, Eligibility eligibility) {
        outcomes.put(uscc.value(), eligibility);
    }

    private Eligibility outcome(String uscc) {
        return outcomes.getOrDefault(uscc, Eligibility.ELIGIBLE);
    }

    @Override
    public Targets targets(String policyExternalId) {
        return new Targets() {
            @Override
            public Map<Eligibility, Integer> counts() {
                Map<Eligibility, Integer> counts = new EnumMap<>(Eligibility.class);
                for (Eligibility e : Eligibility.values()) {
                    counts.put(e, 0);
                }
                order.forEach(uscc -> counts.merge(outcome(uscc), 1, Integer::sum));
                return counts;
            }

            @Override
            public Stream<EnterpriseProfile> enterprises(List<Eligibility> outcomes) {
                List<String> list = new ArrayList<>(order);
                int fail = failAfter;
                java.util.concurrent.atomic.AtomicInteger streamed = new java.util.concurrent.atomic.AtomicInteger();
                // sorted first: a stream that sorts hands everything downstream at once, so it would fail up front
                List<String> sorted = list.stream().filter(uscc -> outcomes.contains(outcome(uscc)))
                        .sorted(Comparator.comparingInt(uscc -> outcomes.indexOf(outcome(uscc)))).toList();
                return sorted.stream()
                        .peek(uscc -> {
                            if (fail >= 0 && streamed.incrementAndGet() > fail) {
                                throw new IllegalStateException("targeting failed after " + fail + " enterprises");
                            }
                        })
                        .map(enterprises::get);
            }

            @Override
            public Optional<Eligibility> outcomeOf(Uscc uscc) {
                return enterprises.containsKey(uscc.value()) ? Optional.of(outcome(uscc.value())) : Optional.empty();
            }
        };
    }

    @Override
    public Optional<Match> match(Uscc uscc, String policyExternalId) {
        if (!enterprises.containsKey(uscc.value())) {
            return Optional.empty();
        }
        return Optional.of(new Match(outcome(uscc.value()), "结论：" + outcome(uscc.value()).label(),
                List.of("注册地在滨江市青禾区（满足）", "从业人员不少于10人（满足）")));
    }

    @Override
    public List<PolicyMatch> policiesFor(Uscc uscc) {
        return List.of();
    }

    @Override
    public Optional<EnterpriseProfile> enterprise(Uscc uscc) {
        return Optional.ofNullable(enterprises.get(uscc.value()));
    }
}
