package cn.zhice.matching.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnterpriseIndexTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
    static final Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.now(clock);
    static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "规上企业");
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final String[] CODES = {"C3411", "C39", "C", "I65", "I6510", "F5211", "51", "J66", "E48", "M73", "G54", "5920", "L72", "A01", "62", "K7010"};
    static final String[] REGIONS = {"滨江市青禾区", "滨江市东湖区", "江北市"};
    static final String[] TAGS = {"高新技术企业", "科技型中小企业", "专精特新中小企业", "规上企业", "进出口经营资格", "总部企业"};

    static List<EnterpriseProfile> randomEnterprises(int n, long seed) {
        Random random = new Random(seed);
        List<EnterpriseProfile> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String first17 = (random.nextInt(10) < 8 ? "91" : "92") + "330106" + String.format("%08d", i);
            String org = first17.substring(8);
            String withOrg = first17.substring(0, 16) + orgCheck(org.substring(0, 8));
            String uscc = withOrg + check(withOrg);
            List<CertifiedTag> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(4) == 0) {
                    tags.add(new CertifiedTag(tag, null, null, null, TODAY.plusDays(random.nextInt(200) - 100)));
                }
            }
            all.add(new EnterpriseProfile(Uscc.parse(uscc), "企业" + i, null,
                    random.nextInt(12) == 0 ? null : IndustryCode.parse(CODES[random.nextInt(CODES.length)]), null,
                    random.nextInt(10) == 0 ? null : REGIONS[random.nextInt(REGIONS.length)],
                    random.nextInt(8) == 0 ? null : TODAY.minusDays(random.nextInt(20 * 365)),
                    random.nextInt(8) == 0 ? null : random.nextInt(1500),
                    random.nextInt(8) == 0 ? null : BigDecimal.valueOf(random.nextInt(5_000_000), 2),
                    random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                    tags, null, null));
        }
        return all;
    }

    static char orgCheck(String body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    static char check(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    static List<RuleTree> trees() throws Exception {
        List<RuleTree> trees = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                EnterpriseIndexTest.class.getResourceAsStream("/demo/policies.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode e = JSON.readTree(line).get("eligibility");
                if (e != null) {
                    trees.add(RuleTree.parse(e));
                }
            }
        }
        for (String extra : List.of(
                "{\"not\": {\"any\": [{\"field\": \"size\", \"op\": \"eq\", \"value\": \"LARGE\"}, {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"总部企业\"}]}}",
                "{\"all\": [{\"field\": \"industryCode\", \"op\": \"in\", \"value\": [\"C3411\", \"I6510\"], \"hard\": true}, {\"field\": \"revenueWan\", \"op\": \"exists\", \"value\": false}]}",
                "{\"any\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市\"}, {\"field\": \"registrationType\", \"op\": \"eq\", \"value\": \"个体工商户\"}, {\"field\": \"tags\", \"op\": \"containsAny\", \"value\": [\"规上工业\", \"小微企业\", \"A类人才\"]}]}",
                "{\"all\": [{\"field\": \"employees\", \"op\": \"in\", \"value\": [1, 2, 3]}, {\"field\": \"tags\", \"op\": \"exists\"}, {\"field\": \"size\", \"op\": \"exists\", \"value\": false}]}",
                // Hard conditions under any/not: the screening path checks them before the tree and must still agree.
                "{\"any\": [{\"field\": \"employees\", \"op\": \"gte\", \"value\": 100, \"hard\": true}, {\"field\": \"tags\", \"op\": \"contains\", \"value\": \"A类人才\", \"hard\": true}, {\"field\": \"industryCode\", \"op\": \"eq\", \"value\": \"C3411\"}]}",
                "{\"not\": {\"all\": [{\"field\": \"size\", \"op\": \"in\", \"value\": [\"SMALL\", \"MICRO\"], \"hard\": true}, {\"field\": \"ageYears\", \"op\": \"lt\", \"value\": 3}]}}",
                "{\"all\": [{\"field\": \"industrySection\", \"op\": \"in\", \"value\": [\"C\", \"I\"]}, {\"field\": \"industryCode\", \"op\": \"in\", \"value\": [\"C39\", \"I651\", \"5211\"]}, {\"field\": \"tags\", \"op\": \"containsAny\", \"value\": [\"进出口经营资格\", \"高新技术企业\"], \"hard\": true}, {\"field\": \"assetsWan\", \"op\": \"lte\", \"value\": 5000.5}]}")) {
            trees.add(RuleTree.parse(JSON.readTree(extra)));
        }
        return trees;
    }

    @Test
    void agreesWithOneByOneEvaluationOnEveryDemoPolicy() throws Exception {
        List<EnterpriseProfile> enterprises = randomEnterprises(3000, 42);
        EnterpriseIndex index = new EnterpriseIndex(classifier, TRACKED, clock);
        index.rebuild(enterprises);
        List<Facts> facts = enterprises.stream().map(p -> Facts.of(p, TODAY, classifier)).toList();

        for (RuleTree tree : trees()) {
            Map<Eligibility, RoaringBitmap> byOutcome = index.evaluate(tree).byOutcome();
            for (int id = 0; id < enterprises.size(); id++) {
                Eligibility expected = tree.evaluate(facts.get(id), TRACKED).eligibility();
                assertThat(tree.eligibility(facts.get(id), TRACKED)).isEqualTo(expected);
                int current = id;
                assertThat(byOutcome.get(expected).contains(current))
                        .as("enterprise %s, tree %s", enterprises.get(id), tree.root()).isTrue();
            }
            assertThat(byOutcome.values().stream().mapToInt(RoaringBitmap::getCardinality).sum()).isEqualTo(enterprises.size());
        }
    }

    @Test
    void staysAgreeingAfterProfilesChangeAndDisappear() throws Exception {
        List<EnterpriseProfile> enterprises = new ArrayList<>(randomEnterprises(500, 7));
        EnterpriseIndex index = new EnterpriseIndex(classifier, TRACKED, clock);
        index.rebuild(enterprises);
        List<EnterpriseProfile> changed = randomEnterprises(500, 8);
        for (int i = 0; i < 100; i++) {
            EnterpriseProfile c = changed.get(i);
            EnterpriseProfile sameEnterprise = new EnterpriseProfile(enterprises.get(i).uscc(), c.name(), null,
                    c.industryCode(), null, c.region(), c.registeredOn(), c.employees(), c.revenueWan(), c.assetsWan(),
                    c.tags(), null, null);
            index.put(sameEnterprise);
            enterprises.set(i, sameEnterprise);
        }
        for (int i = 100; i < 150; i++) {
            index.remove(enterprises.get(i).uscc());
        }
        List<EnterpriseProfile> remaining = new ArrayList<>(enterprises.subList(0, 100));
        remaining.addAll(enterprises.subList(150, 500));

        assertThat(index.count()).isEqualTo(450);
        for (RuleTree tree : trees()) {
            EnterpriseIndex.Targets targets = index.evaluate(tree);
            Map<Eligibility, Integer> expected = new java.util.EnumMap<>(Eligibility.class);
            for (Eligibility e : Eligibility.values()) {
                expected.put(e, 0);
            }
            remaining.forEach(p -> expected.merge(tree.evaluate(Facts.of(p, TODAY, classifier), TRACKED).eligibility(), 1, Integer::sum));
            assertThat(targets.counts()).isEqualTo(expected);
        }
    }
}
