package cn.zhice.matching.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.RuleTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Readers of the index while another thread rebuilds it (renumbering every enterprise) and replaces profiles. */
class EnterpriseIndexConcurrencyTest {

    @Test
    void evaluationsKeepResolvingToTheEnterprisesTheyCountedWhileTheIndexIsRebuilt() throws Exception {
        List<EnterpriseProfile> enterprises = EnterpriseIndexTest.randomEnterprises(4000, 5);
        Map<String, EnterpriseProfile> byUscc = enterprises.stream()
                .collect(Collectors.toMap(p -> p.uscc().value(), Function.identity()));
        EnterpriseIndex index = new EnterpriseIndex(EnterpriseIndexTest.classifier, EnterpriseIndexTest.TRACKED,
                EnterpriseIndexTest.clock);
        index.rebuild(enterprises);
        RuleTree tree = RuleTree.parse(EnterpriseIndexTest.JSON.readTree(
                "{\"field\": \"employees\", \"op\": \"gte\", \"value\": 700}"));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> rebuilder = pool.submit(() -> {
                Random random = new Random(1);
                int rebuilds = 0;
                while (!stop.get()) {
                    List<EnterpriseProfile> shuffled = new ArrayList<>(enterprises);
                    Collections.shuffle(shuffled, random);
                    index.rebuild(shuffled);
                    // Re-putting an unchanged profile moves it to a new id within the same numbering.
                    index.put(shuffled.get(random.nextInt(shuffled.size())));
                    rebuilds++;
                }
                return rebuilds;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long seed = r;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int checked = 0;
                    while (!stop.get()) {
                        EnterpriseIndex.Targets targets = index.evaluate(tree);
                        RoaringBitmap eligible = targets.byOutcome().get(Eligibility.ELIGIBLE);
                        int seen = 0;
                        for (int id : eligible) {
                            EnterpriseProfile p = targets.profile(id);
                            Facts f = targets.facts(id);
                            if (p.employees() == null || p.employees() < 700 || !p.employees().equals(f.employees())) {
                                failures.add("id " + id + " resolved to " + p.uscc() + " with " + p.employees() + " employees");
                            }
                            if (++seen == 50) {
                                break;
                            }
                        }
                        EnterpriseProfile any = enterprises.get(random.nextInt(enterprises.size()));
                        Facts facts = index.facts(any.uscc()).orElse(null);
                        if (facts == null || !java.util.Objects.equals(facts.employees(), byUscc.get(any.uscc().value()).employees())) {
                            failures.add("facts of " + any.uscc() + " were " + facts);
                        }
                        if (!index.profile(any.uscc()).map(p -> p.uscc().equals(any.uscc())).orElse(false)) {
                            failures.add("profile of " + any.uscc() + " missing or wrong");
                        }
                        checked += seen;
                    }
                    return checked;
                }));
            }
            Thread.sleep(1500);
            stop.set(true);
            assertThat(rebuilder.get(10, TimeUnit.SECONDS)).isPositive();
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(10, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }
}
