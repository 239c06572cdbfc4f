package cn.zhice.matching.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseNewlyEligible;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import cn.zhice.matching.targeting.EnterpriseIndex;
import cn.zhice.matching.targeting.InMemoryKnowledgeBase;
import cn.zhice.matching.targeting.PolicyRules;
import cn.zhice.matching.targeting.PolicyRules.PolicyRule;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/** Profile writes on a real (H2) database: index updates and EnterpriseNewlyEligible events after commit. */
class ProfileUpdatesTest {

    static final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
    static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新\"小巨人\"",
            "创新型中小企业", "制造业单项冠军", "规上企业", "瞪羚企业");
    static final String REVENUE_POLICY = "TEST-REVENUE";

    final List<Object> published = new ArrayList<>();
    InMemoryKnowledgeBase kb;
    EnterpriseIndex index;
    PolicyRules policies;
    ProfileUpdates updates;
    DataSource dataSource;

    @BeforeEach
    void setUp() {
        dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:profiles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2026_11_23_10__enterprises.sql")).execute(dataSource);
        kb = InMemoryKnowledgeBase.withDemoPolicies();
        kb.put(InMemoryKnowledgeBase.policy(REVENUE_POLICY, "营业收入2000万元以上奖励",
                "{\"all\": [{\"field\": \"revenueWan\", \"op\": \"gte\", \"value\": 2000}, {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"A类人才\"}]}"));
        index = new EnterpriseIndex(classifier, TRACKED, clock);
        policies = new PolicyRules(kb, clock, Duration.ofMinutes(5));
        updates = new ProfileUpdates(new EnterpriseStore(JdbcClient.create(dataSource), clock), index, policies, published::add);
    }

    static EnterpriseProfile profile(String json) {
        return EnterpriseLines.read(new StringReader(json), 1).get(0);
    }

    static final String FACTORY = "{\"uscc\":\"91350100M000100Y43\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
            + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2019-05-10\","
            + "\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\",\"validTo\":\"2099-12-31\"}]}";

    List<EnterpriseNewlyEligible> events() {
        return published.stream().map(EnterpriseNewlyEligible.class::cast).toList();
    }

    @Test
    void announcesEveryEligibleOrLikelyPolicyOfANewEnterprise() {
        EnterpriseProfile factory = profile(FACTORY);

        updates.saveAll(List.of(factory));

        Facts facts = Facts.of(factory, LocalDate.now(clock), classifier);
        List<EnterpriseNewlyEligible> expected = new ArrayList<>();
        for (PolicyRule rule : policies.all()) {
            Eligibility e = rule.tree().evaluate(facts, TRACKED).eligibility();
            if (e == Eligibility.ELIGIBLE || e == Eligibility.LIKELY) {
                expected.add(new EnterpriseNewlyEligible(factory.uscc().value(), rule.externalId(), e));
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(events()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(events()).anySatisfy(e -> assertThat(e.policyExternalId()).isEqualTo(REVENUE_POLICY));
        assertThat(index.profile(factory.uscc())).contains(factory);
    }

    @Test
    void announcesOnlyPoliciesWhoseOutcomeMovedUpToEligibleOrLikely() {
        updates.save(profile(FACTORY.replace("\"revenueWan\":3000.5,", "")));
        List<String> before = events().stream().map(EnterpriseNewlyEligible::policyExternalId).toList();
        assertThat(before).doesNotContain(REVENUE_POLICY);
        published.clear();

        updates.save(profile(FACTORY));

        assertThat(events()).isNotEmpty().allSatisfy(e -> assertThat(before).doesNotContain(e.policyExternalId()));
        assertThat(events()).contains(new EnterpriseNewlyEligible("91350100M000100Y43", REVENUE_POLICY, Eligibility.LIKELY));
    }

    @Test
    void announcesNothingWhenAnUpdateChangesNoOutcome() {
        updates.save(profile(FACTORY));
        published.clear();

        updates.save(profile(FACTORY.replace("青禾精密制造有限公司", "青禾精密制造股份有限公司")));

        assertThat(published).isEmpty();
        assertThat(index.profile(Uscc.parse("91350100M000100Y43")).orElseThrow().name()).isEqualTo("青禾精密制造股份有限公司");
    }

    @Test
    void announcesNothingWhenAnEnterpriseLosesEligibility() {
        updates.save(profile(FACTORY));
        published.clear();

        updates.save(profile(FACTORY.replace("\"revenueWan\":3000.5", "\"revenueWan\":10")));

        assertThat(events()).noneMatch(e -> e.policyExternalId().equals(REVENUE_POLICY));
    }

    @Test
    void waitsForTheCallersTransactionToCommit() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        EnterpriseProfile factory = profile(FACTORY);

        tx.executeWithoutResult(status -> {
            updates.save(factory);
            assertThat(published).isEmpty();
            assertThat(index.profile(factory.uscc())).isEmpty();
        });

        assertThat(published).isNotEmpty();
        assertThat(index.profile(factory.uscc())).isPresent();
    }

    @Test
    void leavesIndexAndListenersAloneWhenTheTransactionRollsBack() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        EnterpriseProfile factory = profile(FACTORY);

        tx.executeWithoutResult(status -> {
            updates.save(factory);
            status.setRollbackOnly();
        });

        assertThat(published).isEmpty();
        assertThat(index.profile(factory.uscc())).isEmpty();
        assertThat(JdbcClient.create(dataSource).sql("select count(*) from enterprise").query(Integer.class).single()).isZero();
    }

    @Test
    void deletingRemovesTheEnterpriseFromTheIndex() {
        EnterpriseProfile factory = profile(FACTORY);
        updates.save(factory);

        assertThat(updates.delete(factory.uscc())).isTrue();

        assertThat(index.profile(factory.uscc())).isEmpty();
        assertThat(updates.delete(factory.uscc())).isFalse();
    }

    @Test
    void readsPolicyTreesOnceUntilAPolicyIsPublished() {
        updates.save(profile(FACTORY));
        updates.save(profile(FACTORY.replace("3000.5", "10")));
        int reads = kb.policyReads();

        updates.save(profile(FACTORY));
        assertThat(kb.policyReads()).isEqualTo(reads);

        policies.invalidate();
        updates.save(profile(FACTORY.replace("3000.5", "3001")));
        assertThat(kb.policyReads()).isEqualTo(reads + 1);
        assertThat(BigDecimal.valueOf(3001)).isEqualByComparingTo(index.profile(Uscc.parse("91350100M000100Y43")).orElseThrow().revenueWan());
    }
}
