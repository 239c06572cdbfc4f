package cn.zhice.matching.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.kb.EntryNotFound;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.PolicyTargeting.Match;
import cn.zhice.matching.PolicyTargeting.PolicyMatch;
import cn.zhice.matching.PolicyTargeting.Targets;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexedPolicyTargetingTest {

    static final String TARGETED = "TEST-TARGETED";

    List<EnterpriseProfile> enterprises;
    InMemoryKnowledgeBase kb;
    EnterpriseIndex index;
    PolicyRules policies;
    PolicyTargeting targeting;

    @BeforeEach
    void setUp() {
        enterprises = EnterpriseIndexTest.randomEnterprises(2000, 11);
        kb = InMemoryKnowledgeBase.withDemoPolicies();
        kb.put(InMemoryKnowledgeBase.policy(TARGETED, "青禾区高新技术企业奖励", """
                {"all": [{"field": "region", "op": "eq", "value": "滨江市青禾区", "hard": true, "note": "第二条"},
                         {"field": "tags", "op": "contains", "value": "高新技术企业"},
                         {"field": "employees", "op": "gte", "value": 10}]}"""));
        index = new EnterpriseIndex(EnterpriseIndexTest.classifier, EnterpriseIndexTest.TRACKED, EnterpriseIndexTest.clock);
        index.rebuild(enterprises);
        policies = new PolicyRules(kb, EnterpriseIndexTest.clock, Duration.ofMinutes(5));
        targeting = new IndexedPolicyTargeting(policies, index);
    }

    Facts facts(EnterpriseProfile p) {
        return Facts.of(p, EnterpriseIndexTest.TODAY, EnterpriseIndexTest.classifier);
    }

    @Test
    void targetCountsAgreeWithEvaluatingEveryEnterpriseOnItsOwn() {
        assertThat(policies.all()).hasSizeGreaterThan(20);
        for (PolicyRule policy : policies.all()) {
            Map<Eligibility, Integer> expected = new EnumMap<>(Eligibility.class);
            for (Eligibility e : Eligibility.values()) {
                expected.put(e, 0);
            }
            for (EnterpriseProfile p : enterprises) {
                expected.merge(policy.tree().evaluate(facts(p), EnterpriseIndexTest.TRACKED).eligibility(), 1, Integer::sum);
            }

            Targets targets = targeting.targets(policy.externalId());

            assertThat(targets.counts()).as(policy.externalId()).isEqualTo(expected);
            assertThat(targets.enterprises(List.of(Eligibility.ELIGIBLE))).hasSize(expected.get(Eligibility.ELIGIBLE))
                    .allSatisfy(p -> assertThat(targets.outcomeOf(p.uscc())).contains(Eligibility.ELIGIBLE));
        }
    }

    @Test
    void listsTargetsInTheOrderOfTheOutcomesAsked() {
        Targets targets = targeting.targets(TARGETED);

        List<Eligibility> seen = targets.enterprises(List.of(Eligibility.LIKELY, Eligibility.ELIGIBLE))
                .map(p -> targets.outcomeOf(p.uscc()).orElseThrow()).toList();

        assertThat(seen).isNotEmpty().isSortedAccordingTo(Comparator.comparing(e -> e == Eligibility.LIKELY ? 0 : 1));
        assertThat(seen).contains(Eligibility.ELIGIBLE);
    }

    @Test
    void matchListsTheMetConditionsOfAnEligibleEnterprise() {
        EnterpriseProfile eligible = targeting.targets(TARGETED).enterprises(List.of(Eligibility.ELIGIBLE)).findFirst().orElseThrow();

        Match match = targeting.match(eligible.uscc(), TARGETED).orElseThrow();

        assertThat(match.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(match.explanation()).startsWith("结论：符合条件");
        assertThat(match.metConditions()).hasSize(3);
        assertThat(match.metConditions().get(0)).startsWith("第二条：注册地为滨江市青禾区【必须】").endsWith("满足");
        assertThat(match.metConditions().get(1)).contains("高新技术企业");
    }

    @Test
    void matchLeavesUnmetConditionsOutOfTheMetLines() {
        EnterpriseProfile outside = enterprises.stream()
                .filter(p -> p.region() != null && !p.region().startsWith("滨江市青禾区")).findFirst().orElseThrow();

        Match match = targeting.match(outside.uscc(), TARGETED).orElseThrow();

        assertThat(match.eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(match.metConditions()).noneMatch(line -> line.contains("注册地"));
        assertThat(match.explanation()).contains("注册地为滨江市青禾区【必须】（企业：" + outside.region() + "）—— 不满足");
    }

    @Test
    void policiesForPutsBestOutcomesFirstAndLeavesOutNotEligible() {
        for (EnterpriseProfile p : enterprises.subList(0, 200)) {
            List<PolicyMatch> matches = targeting.policiesFor(p.uscc());

            assertThat(matches).isSortedAccordingTo(
                    Comparator.comparing(PolicyMatch::eligibility).thenComparing(PolicyMatch::externalId));
            assertThat(matches).noneMatch(m -> m.eligibility() == Eligibility.NOT_ELIGIBLE);
            for (PolicyRule policy : policies.all()) {
                Eligibility expected = policy.tree().evaluate(facts(p), EnterpriseIndexTest.TRACKED).eligibility();
                List<PolicyMatch> listed = matches.stream().filter(m -> m.externalId().equals(policy.externalId())).toList();
                if (expected == Eligibility.NOT_ELIGIBLE) {
                    assertThat(listed).isEmpty();
                } else {
                    assertThat(listed).singleElement().satisfies(m -> {
                        assertThat(m.eligibility()).isEqualTo(expected);
                        assertThat(m.explanation()).startsWith("结论：" + expected.label());
                        assertThat(m.title()).isNotBlank();
                    });
                }
            }
        }
    }

    @Test
    void answersEmptyForUnknownEnterprisesAndPolicies() {
        Uscc unknown = Uscc.parse("91350100M000100Y43");
        Uscc known = enterprises.get(0).uscc();

        assertThat(targeting.policiesFor(unknown)).isEmpty();
        assertThat(targeting.enterprise(unknown)).isEmpty();
        assertThat(targeting.enterprise(known)).contains(enterprises.get(0));
        assertThat(targeting.match(unknown, TARGETED)).isEmpty();
        assertThat(targeting.match(known, "NO-SUCH-POLICY")).isEmpty();
        assertThat(targeting.targets(TARGETED).outcomeOf(unknown)).isEmpty();
        assertThatThrownBy(() -> targeting.targets("NO-SUCH-POLICY")).isInstanceOf(EntryNotFound.class);
    }

    @Test
    void forgetsAWithdrawnPolicyOnceTheWithdrawalIsAnnounced() {
        assertThat(targeting.targets(TARGETED).counts().get(Eligibility.ELIGIBLE)).isPositive();
        kb.remove(TARGETED);

        policies.on(new cn.zhice.kb.EntryWithdrawn(TARGETED, cn.zhice.kb.EntryKind.POLICY));

        assertThatThrownBy(() -> targeting.targets(TARGETED)).isInstanceOf(EntryNotFound.class);
        assertThat(targeting.match(enterprises.get(0).uscc(), TARGETED)).isEmpty();
    }
}
