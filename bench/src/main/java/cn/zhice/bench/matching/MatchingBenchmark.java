package cn.zhice.bench.matching;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import cn.zhice.matching.targeting.EnterpriseIndex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching at scale: generates N enterprises (default 1,000,000) with a realistic mix of industries, sizes, regions
 * and certifications, builds the in-memory index, evaluates 20 demo-policy rule trees over all of them, and one
 * enterprise against 1,000 rule trees. Prints times (median of repeated runs) and heap used.
 * Run: bench/run-matching.sh [enterprises]
 */
public final class MatchingBenchmark {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] CODES = {"C3411", "C3911", "C2710", "C3562", "C1311", "I6510", "I6421", "F5211", "F5123",
        "E4811", "M7320", "G5430", "G5920", "L7212", "A0111", "H6210", "K7010", "J6620", "O8010", "C3825"};
    private static final String[] REGIONS = {"滨江市青禾区", "滨江市青禾区", "滨江市青禾区", "滨江市东湖区", "滨江市西岭区", "江北市"};
    private static final String[] TAGS = {"高新技术企业", "科技型中小企业", "专精特新中小企业", "规上企业", "创新型中小企业",
        "享受研发费用加计扣除", "进出口经营资格", "增值税一般纳税人"};
    private static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新\"小巨人\"",
            "创新型中小企业", "制造业单项冠军", "规上企业", "瞪羚企业");

    private MatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Clock clock = Clock.systemDefaultZone();
        LocalDate today = LocalDate.now(clock);
        SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
        List<RuleTree> trees = demoTrees();
        System.out.printf("demo rule trees: %d%n", trees.size());

        long t0 = System.nanoTime();
        List<EnterpriseProfile> enterprises = generate(n, today, 2026);
        long t1 = System.nanoTime();
        EnterpriseIndex index = new EnterpriseIndex(classifier, TRACKED, clock);
        index.rebuild(enterprises);
        long t2 = System.nanoTime();
        System.out.printf("generated %,d enterprises in %d ms; index built in %d ms%n", n, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used with profiles + index: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        List<RuleTree> twenty = trees.subList(0, Math.min(20, trees.size()));
        double[] medians = new double[twenty.size()];
        for (int i = 0; i < twenty.size(); i++) {
            RuleTree tree = twenty.get(i);
            for (int w = 0; w < 3; w++) {
                index.evaluate(tree);
            }
            double[] runs = new double[9];
            int eligible = 0;
            for (int r = 0; r < runs.length; r++) {
                long s = System.nanoTime();
                EnterpriseIndex.Targets targets = index.evaluate(tree);
                runs[r] = (System.nanoTime() - s) / 1e6;
                eligible = targets.counts().get(cn.zhice.matching.Eligibility.ELIGIBLE);
            }
            Arrays.sort(runs);
            medians[i] = runs[runs.length / 2];
            System.out.printf("tree %2d: median %.1f ms over %,d enterprises (eligible %,d)%n", i + 1, medians[i], n, eligible);
        }
        double[] sorted = medians.clone();
        Arrays.sort(sorted);
        System.out.printf("rule tree over %,d enterprises: median %.1f ms, worst %.1f ms%n", n, sorted[sorted.length / 2], sorted[sorted.length - 1]);

        List<RuleTree> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add(trees.get(i % trees.size()));
        }
        double[] one = new double[200];
        for (int r = -50; r < one.length; r++) {
            Facts facts = index.facts(Math.floorMod(r * 7919, n));
            long s = System.nanoTime();
            int hits = 0;
            for (RuleTree tree : thousand) {
                if (tree.eligibility(facts, TRACKED) != cn.zhice.matching.Eligibility.NOT_ELIGIBLE) {
                    hits++;
                }
            }
            if (r >= 0) {
                one[r] = (System.nanoTime() - s) / 1e6 + hits * 0;
            }
        }
        Arrays.sort(one);
        System.out.printf("one enterprise vs 1,000 policies (outcomes only): median %.2f ms, p95 %.2f ms%n",
                one[one.length / 2], one[(int) (one.length * 0.95)]);
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    static List<RuleTree> demoTrees() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<RuleTree> trees = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                MatchingBenchmark.class.getResourceAsStream("/demo/policies.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode e = json.readTree(line).get("eligibility");
                if (e != null) {
                    trees.add(RuleTree.parse(e));
                }
            }
        }
        return trees;
    }

    static List<EnterpriseProfile> generate(int n, LocalDate today, long seed) {
        Random random = new Random(seed);
        List<EnterpriseProfile> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String body = String.format("%08d", i);
            String first17 = (random.nextInt(10) < 8 ? "91" : "92") + "330106" + body + orgCheck(body);
            Uscc uscc = Uscc.parse(first17 + check(first17));
            List<CertifiedTag> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(6) == 0) {
                    tags.add(new CertifiedTag(tag, null, null, null, today.plusDays(random.nextInt(1500) - 300)));
                }
            }
            // Sizes follow a long tail: most enterprises are micro or small.
            double scale = Math.exp(random.nextGaussian() * 1.6 + 3);
            all.add(new EnterpriseProfile(uscc, "企业" + i, null,
                    random.nextInt(20) == 0 ? null : IndustryCode.parse(CODES[random.nextInt(CODES.length)]), null,
                    random.nextInt(25) == 0 ? null : REGIONS[random.nextInt(REGIONS.length)],
                    random.nextInt(15) == 0 ? null : today.minusDays(random.nextInt(25 * 365)),
                    random.nextInt(10) == 0 ? null : (int) Math.min(50_000, scale),
                    random.nextInt(10) == 0 ? null : BigDecimal.valueOf((long) (scale * 40 * (0.5 + random.nextDouble()) * 100), 2),
                    random.nextInt(8) == 0 ? null : BigDecimal.valueOf((long) (scale * 30 * (0.5 + random.nextDouble()) * 100), 2),
                    tags, null, null));
        }
        return all;
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
