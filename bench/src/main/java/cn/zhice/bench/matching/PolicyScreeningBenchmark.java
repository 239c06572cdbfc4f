package cn.zhice.bench.matching;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 政策计算器 at scale: one enterprise against 1,000 parsed policy rule trees (the demo policies' trees repeated), as
 * {@code PolicyTargeting.policiesFor} and the newly-eligible check do it. {@code screen} is the outcome-only path,
 * {@code explain} builds every condition's Chinese explanation. Goal: screen ≤ 1 ms.
 * Run: {@code bench/run-jmh.sh PolicyScreeningBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyScreeningBenchmark {

    private static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新\"小巨人\"",
            "创新型中小企业", "制造业单项冠军", "规上企业", "瞪羚企业");

    private List<RuleTree> policies;
    private Facts[] enterprises;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<RuleTree> demo = MatchingBenchmark.demoTrees();
        policies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            policies.add(demo.get(i % demo.size()));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
        List<EnterpriseProfile> generated = MatchingBenchmark.generate(1024, today, 2026);
        enterprises = generated.stream().map(p -> Facts.of(p, today, classifier)).toArray(Facts[]::new);
    }

    /** Outcomes only: how many of the 1,000 policies the enterprise is not ruled out of. */
    @Benchmark
    public int screen() {
        Facts facts = enterprises[next++ & 1023];
        int hits = 0;
        for (RuleTree tree : policies) {
            if (tree.eligibility(facts, TRACKED) != Eligibility.NOT_ELIGIBLE) {
                hits++;
            }
        }
        return hits;
    }

    /** With the Chinese explanation of every condition, as the 政策计算器 page shows it. */
    @Benchmark
    public int explain() {
        Facts facts = enterprises[next++ & 1023];
        int length = 0;
        for (RuleTree tree : policies) {
            length += tree.evaluate(facts, TRACKED).explanation().length();
        }
        return length;
    }
}
