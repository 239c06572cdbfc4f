package cn.zhice.bench.matching;

import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.size.SizeClassifier;
import cn.zhice.matching.size.SizeStandard;
import cn.zhice.matching.targeting.EnterpriseIndex;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * The in-memory index against PostgreSQL on the same work: N generated enterprises (default 1,000,000) loaded with
 * COPY into a fresh schema, the same 20 demo-policy rule trees run through {@link EnterpriseIndex#evaluate} and
 * through the equivalent SQL of {@link SqlRuleTree}; the counts by outcome must be identical (the run fails
 * otherwise). Reports median and p95 per tree (warm), the ratio, heap used and the machine load.
 * Run: {@code bench/run-matching-sql.sh [enterprises]}; {@code -Dpg.url}, {@code -Dpg.user}, {@code -Dpg.password}
 * select the database (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}).
 */
public final class SqlMatchingBenchmark {

    private static final Set<String> TRACKED = Set.of("高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新\"小巨人\"",
            "创新型中小企业", "制造业单项冠军", "规上企业", "瞪羚企业");
    private static final int INDEX_RUNS = 21;
    private static final int SQL_RUNS = 7;

    private SqlMatchingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "bench_matching_" + ProcessHandle.current().pid();
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        LocalDate today = LocalDate.now(clock);
        SizeClassifier classifier = new SizeClassifier(SizeStandard.load(SizeStandard.CURRENT));
        List<RuleTree> demo = MatchingBenchmark.demoTrees();
        List<RuleTree> trees = demo.subList(0, Math.min(20, demo.size()));
        System.out.printf("load before: %s", loadAverage());

        List<EnterpriseProfile> enterprises = MatchingBenchmark.generate(n, today, 2026);
        long t0 = System.nanoTime();
        EnterpriseIndex index = new EnterpriseIndex(classifier, TRACKED, clock);
        index.rebuild(enterprises);
        System.out.printf("index over %,d enterprises built in %,d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used with profiles + facts + index: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);

        try (Connection db = DriverManager.getConnection(url, System.getProperty("pg.user", "postgres"),
                System.getProperty("pg.password", ""))) {
            try (Statement s = db.createStatement()) {
                s.execute("create schema " + schema);
                s.execute("set search_path to " + schema);
                s.execute("""
                        create table enterprise_facts (
                            id                int primary key,
                            uscc              char(18) not null,
                            size_class        text not null,
                            industry_code     text,
                            region            text,
                            registration_type text,
                            employees         int,
                            revenue_wan       numeric(18, 2),
                            assets_wan        numeric(18, 2),
                            age_years         int,
                            tags              text[] not null,
                            unknown_tags      text[] not null,
                            expired_tags      text[] not null)""");
            }
            try {
                long c0 = System.nanoTime();
                long rows = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("copy enterprise_facts from stdin", new FactsReader(enterprises, today, classifier));
                long c1 = System.nanoTime();
                try (Statement s = db.createStatement()) {
                    s.execute("vacuum analyze enterprise_facts");
                }
                long c2 = System.nanoTime();
                System.out.printf("PostgreSQL: %,d rows copied in %,d ms, vacuum analyze %,d ms, table %s%n", rows,
                        (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000, single(db, "select pg_size_pretty(pg_total_relation_size('enterprise_facts'))"));
                System.out.printf("PostgreSQL %s; max_parallel_workers_per_gather=%s, shared_buffers=%s, work_mem=%s%n",
                        single(db, "show server_version"), single(db, "show max_parallel_workers_per_gather"),
                        single(db, "show shared_buffers"), single(db, "show work_mem"));
                run(trees, index, db);
            } finally {
                try (Statement s = db.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
        System.out.printf("load after: %s", loadAverage());
    }

    private static void run(List<RuleTree> trees, EnterpriseIndex index, Connection db) throws SQLException {
        SqlRuleTree sql = new SqlRuleTree(TRACKED);
        double[] indexMedians = new double[trees.size()];
        double[] sqlMedians = new double[trees.size()];
        double[] indexP95 = new double[trees.size()];
        double[] sqlP95 = new double[trees.size()];
        System.out.println("tree | eligible | likely | needs data | not eligible | index median / p95 ms | SQL median / p95 ms | ratio");
        for (int i = 0; i < trees.size(); i++) {
            RuleTree tree = trees.get(i);
            String query = sql.countsQuery(tree);
            Map<Eligibility, Integer> expected = null;
            for (int w = 0; w < 3; w++) {
                expected = index.evaluate(tree).counts();
            }
            double[] indexRuns = new double[INDEX_RUNS];
            for (int r = 0; r < INDEX_RUNS; r++) {
                long s = System.nanoTime();
                index.evaluate(tree).counts();
                indexRuns[r] = (System.nanoTime() - s) / 1e6;
            }
            Map<Eligibility, Integer> actual = counts(db, query);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("tree " + (i + 1) + ": SQL counts " + actual + " differ from the index's "
                        + expected + "\n" + query);
            }
            double[] sqlRuns = new double[SQL_RUNS];
            for (int r = 0; r < SQL_RUNS; r++) {
                long s = System.nanoTime();
                counts(db, query);
                sqlRuns[r] = (System.nanoTime() - s) / 1e6;
            }
            indexMedians[i] = percentile(indexRuns, 0.5);
            indexP95[i] = percentile(indexRuns, 0.95);
            sqlMedians[i] = percentile(sqlRuns, 0.5);
            sqlP95[i] = percentile(sqlRuns, 0.95);
            System.out.printf("%2d | %,d | %,d | %,d | %,d | %.1f / %.1f | %.0f / %.0f | %.0f×%n", i + 1,
                    expected.get(Eligibility.ELIGIBLE), expected.get(Eligibility.LIKELY), expected.get(Eligibility.NEEDS_DATA),
                    expected.get(Eligibility.NOT_ELIGIBLE), indexMedians[i], indexP95[i], sqlMedians[i], sqlP95[i],
                    sqlMedians[i] / indexMedians[i]);
        }
        double indexTotal = Arrays.stream(indexMedians).sum();
        double sqlTotal = Arrays.stream(sqlMedians).sum();
        double[] ratios = new double[trees.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = sqlMedians[i] / indexMedians[i];
        }
        System.out.printf("counts by outcome identical on all %d trees%n", trees.size());
        System.out.printf("index: median of medians %.1f ms, worst p95 %.1f ms; SQL: median of medians %.0f ms, worst p95 %.0f ms%n",
                percentile(indexMedians, 0.5), Arrays.stream(indexP95).max().orElse(0),
                percentile(sqlMedians, 0.5), Arrays.stream(sqlP95).max().orElse(0));
        System.out.printf("ratio SQL/index: all 20 trees %.0f× (sum of medians), per tree median %.0f×, smallest %.0f×%n",
                sqlTotal / indexTotal, percentile(ratios, 0.5), Arrays.stream(ratios).min().orElse(0));
    }

    private static Map<Eligibility, Integer> counts(Connection db, String query) throws SQLException {
        Map<Eligibility, Integer> counts = new EnumMap<>(Eligibility.class);
        for (Eligibility e : Eligibility.values()) {
            counts.put(e, 0);
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                counts.put(Eligibility.valueOf(rs.getString(1)), (int) rs.getLong(2));
            }
        }
        return counts;
    }

    private static String single(Connection db, String query) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg"));
        } catch (IOException e) {
            return "loadavg unavailable\n";
        }
    }

    /**
     * The enterprises as COPY text rows of their facts on {@code today} — the same derived values (size class, tags in
     * force, 小微企业/规上工业, age) the index computes when it is built.
     */
    private static final class FactsReader extends Reader {
        private final Iterator<EnterpriseProfile> profiles;
        private final LocalDate today;
        private final SizeClassifier classifier;
        private int id;
        private String row = "";
        private int pos;

        FactsReader(List<EnterpriseProfile> profiles, LocalDate today, SizeClassifier classifier) {
            this.profiles = profiles.iterator();
            this.today = today;
            this.classifier = classifier;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos == row.length()) {
                if (!profiles.hasNext()) {
                    return -1;
                }
                row = row(profiles.next());
                pos = 0;
            }
            int count = Math.min(length, row.length() - pos);
            row.getChars(pos, pos + count, buffer, offset);
            pos += count;
            return count;
        }

        private String row(EnterpriseProfile p) {
            Facts f = Facts.of(p, today, classifier);
            String size = switch (f.sizeState()) {
                case MET -> f.size().name();
                case NOT_APPLICABLE -> "-";
                default -> "?";
            };
            return String.join("\t", String.valueOf(id++), p.uscc().value(), size,
                    f.industryCode() == null ? "\\N" : f.industryCode().toString(), text(f.region()),
                    f.registrationType() == null ? "\\N" : text(f.registrationType().label()),
                    number(f.employees()), number(f.revenueWan()), number(f.assetsWan()), number(f.ageYears()),
                    array(f.tags()), array(f.unknownTags()), array(f.expiredTags().keySet())) + "\n";
        }

        private static String number(Number n) {
            return n == null ? "\\N" : n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        }

        private static String text(String s) {
            return s == null ? "\\N" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
        }

        // A PostgreSQL array literal with every element quoted, then escaped for COPY's text format.
        private static String array(Collection<String> values) {
            List<String> quoted = new ArrayList<>();
            for (String v : values) {
                quoted.add("\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
            }
            return text("{" + String.join(",", quoted) + "}");
        }

        @Override
        public void close() {}
    }
}
