package cn.zhice.matching.targeting;

import cn.zhice.matching.ConditionOutcome;
import cn.zhice.matching.Eligibility;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.SizeClass;
import cn.zhice.matching.Uscc;
import cn.zhice.matching.rules.Facts;
import cn.zhice.matching.rules.Field;
import cn.zhice.matching.rules.Op;
import cn.zhice.matching.rules.RuleTree;
import cn.zhice.matching.rules.RuleTree.All;
import cn.zhice.matching.rules.RuleTree.Any;
import cn.zhice.matching.rules.RuleTree.Condition;
import cn.zhice.matching.rules.RuleTree.Node;
import cn.zhice.matching.rules.RuleTree.Not;
import cn.zhice.matching.size.SizeClassifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * An in-memory index over every enterprise's {@link Facts}: a RoaringBitmap per size, industry code prefix, region,
 * registration type and tag value, and a column per number, so that a rule tree is evaluated over all enterprises
 * with bitmap algebra instead of one enterprise at a time. The semantics are exactly those of
 * {@link RuleTree#evaluate}; facts depend on the day (age, expired certificates), so the index rebuilds itself when
 * the day changes.
 */
public final class EnterpriseIndex {

    private final SizeClassifier classifier;
    private final Set<String> trackedTags;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    // Written under the write lock; read without it only by the day check, hence volatile.
    private volatile LocalDate day;
    // A rebuild replaces these lists (never clears them), so Targets keep reading the ones they were computed on.
    private List<EnterpriseProfile> profiles = new ArrayList<>();
    private List<Facts> facts = new ArrayList<>();
    private Map<String, Integer> ids = new HashMap<>();
    private final RoaringBitmap live = new RoaringBitmap();
    private final Map<String, RoaringBitmap> sizes = new HashMap<>();
    private final Map<String, RoaringBitmap> codePrefixes = new HashMap<>();
    private final Map<String, RoaringBitmap> codes = new HashMap<>();
    private final Map<String, RoaringBitmap> regions = new HashMap<>();
    private final Map<String, RoaringBitmap> registrationTypes = new HashMap<>();
    private final Map<String, RoaringBitmap> tags = new HashMap<>();
    private final Map<String, RoaringBitmap> unknownTags = new HashMap<>();
    private final Map<String, RoaringBitmap> expiredTags = new HashMap<>();
    private final Map<Field, double[]> numbers = new EnumMap<>(Field.class);
    private final Map<Field, RoaringBitmap> missingNumbers = new EnumMap<>(Field.class);
    private int size;

    private static final String SIZE_UNKNOWN = "?";
    private static final String SIZE_NOT_APPLICABLE = "-";
    private static final String MISSING = "\u0000";
    private static final List<Field> NUMBER_FIELDS = List.of(Field.EMPLOYEES, Field.REVENUE, Field.ASSETS, Field.AGE);

    public EnterpriseIndex(SizeClassifier classifier, Set<String> trackedTags, Clock clock) {
        this.classifier = classifier;
        this.trackedTags = Set.copyOf(trackedTags);
        this.clock = clock;
        NUMBER_FIELDS.forEach(f -> numbers.put(f, new double[16]));
        NUMBER_FIELDS.forEach(f -> missingNumbers.put(f, new RoaringBitmap()));
    }

    /**
     * Outcome counts and the enterprises in each outcome. The ids are those of the evaluation: {@link #profile} and
     * {@link #facts} resolve them against the index as it was then, even if it has been rebuilt (renumbered) since.
     */
    public static final class Targets {
        private final Map<Eligibility, RoaringBitmap> byOutcome;
        private final List<EnterpriseProfile> profiles;
        private final List<Facts> facts;
        private final Map<String, Integer> ids;
        private final ReadWriteLock lock;

        private Targets(Map<Eligibility, RoaringBitmap> byOutcome, List<EnterpriseProfile> profiles, List<Facts> facts,
                Map<String, Integer> ids, ReadWriteLock lock) {
            this.byOutcome = byOutcome;
            this.profiles = profiles;
            this.facts = facts;
            this.ids = ids;
            this.lock = lock;
        }

        /** The outcome of an enterprise in this evaluation; empty when it was not indexed then (or changed since). */
        public Optional<Eligibility> outcomeOf(Uscc uscc) {
            Integer id;
            lock.readLock().lock();
            try {
                id = ids.get(uscc.value());
            } finally {
                lock.readLock().unlock();
            }
            if (id == null) {
                return Optional.empty();
            }
            return byOutcome.entrySet().stream().filter(e -> e.getValue().contains(id)).map(Map.Entry::getKey).findFirst();
        }

        /** The ids of the enterprises with each outcome (every outcome present). */
        public Map<Eligibility, RoaringBitmap> byOutcome() {
            return byOutcome;
        }

        /** How many enterprises have each outcome. */
        public Map<Eligibility, Integer> counts() {
            Map<Eligibility, Integer> counts = new EnumMap<>(Eligibility.class);
            byOutcome.forEach((k, v) -> counts.put(k, v.getCardinality()));
            return counts;
        }

        /** The profile an id of this evaluation stood for. */
        public EnterpriseProfile profile(int id) {
            lock.readLock().lock();
            try {
                return profiles.get(id);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** The facts an id of this evaluation was evaluated on. */
        public Facts facts(int id) {
            lock.readLock().lock();
            try {
                return facts.get(id);
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Replaces the whole index with {@code all}. */
    public void rebuild(List<EnterpriseProfile> all) {
        lock.writeLock().lock();
        try {
            rebuildLocked(all);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void rebuildLocked(List<EnterpriseProfile> all) {
        clear();
        day = LocalDate.now(clock);
        all.forEach(this::add);
    }

    /** Adds or replaces one enterprise. */
    public void put(EnterpriseProfile profile) {
        lock.writeLock().lock();
        try {
            removeLocked(profile.uscc());
            add(profile);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes one enterprise, if indexed. */
    public void remove(Uscc uscc) {
        lock.writeLock().lock();
        try {
            removeLocked(uscc);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many enterprises are indexed. */
    public int count() {
        lock.readLock().lock();
        try {
            return live.getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The index id of an enterprise, if it is indexed. */
    public java.util.OptionalInt idOf(Uscc uscc) {
        lock.readLock().lock();
        try {
            Integer id = ids.get(uscc.value());
            return id == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The indexed profile of an enterprise. */
    public Optional<EnterpriseProfile> profile(Uscc uscc) {
        refreshIfNewDay();
        lock.readLock().lock();
        try {
            Integer id = ids.get(uscc.value());
            return id == null ? Optional.empty() : Optional.of(profiles.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The facts of an enterprise as of today, if it is indexed. */
    public Optional<Facts> facts(Uscc uscc) {
        refreshIfNewDay();
        lock.readLock().lock();
        try {
            Integer id = ids.get(uscc.value());
            return id == null ? Optional.empty() : Optional.of(facts.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The facts of an index id; ids are valid until the next {@link #rebuild} (which renumbers), so callers holding
     * ids from an evaluation use {@link Targets#facts} instead.
     */
    public Facts facts(int id) {
        lock.readLock().lock();
        try {
            return facts.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The set of tags whose absence is a plain UNMET rather than MANUAL. */
    public Set<String> trackedTags() {
        return trackedTags;
    }

    /** Evaluates {@code tree} over every indexed enterprise. */
    public Targets evaluate(RuleTree tree) {
        refreshIfNewDay();
        lock.readLock().lock();
        try {
            // A hard condition is a leaf of the tree too: evaluate each leaf once.
            Map<Condition, Partition> leaves = new IdentityHashMap<>();
            Partition root = evaluate(tree.root(), leaves);
            RoaringBitmap hardUnmet = new RoaringBitmap();
            RoaringBitmap hardUnknown = new RoaringBitmap();
            for (Condition c : tree.conditions()) {
                if (c.hard()) {
                    Partition p = leaves.computeIfAbsent(c, this::leaf);
                    hardUnmet.or(p.get(ConditionOutcome.UNMET));
                    hardUnknown.or(p.get(ConditionOutcome.UNKNOWN));
                }
            }
            Map<Eligibility, RoaringBitmap> out = new EnumMap<>(Eligibility.class);
            out.put(Eligibility.NOT_ELIGIBLE, RoaringBitmap.or(hardUnmet, root.get(ConditionOutcome.UNMET)));
            out.put(Eligibility.ELIGIBLE, RoaringBitmap.andNot(root.get(ConditionOutcome.MET), hardUnmet));
            RoaringBitmap undecided = RoaringBitmap.or(root.get(ConditionOutcome.MANUAL), root.get(ConditionOutcome.NOT_APPLICABLE));
            RoaringBitmap needsData = RoaringBitmap.or(root.get(ConditionOutcome.UNKNOWN), RoaringBitmap.and(undecided, hardUnknown));
            out.put(Eligibility.NEEDS_DATA, RoaringBitmap.andNot(needsData, hardUnmet));
            out.put(Eligibility.LIKELY, RoaringBitmap.andNot(RoaringBitmap.andNot(undecided, hardUnknown), hardUnmet));
            return new Targets(out, profiles, facts, ids, lock);
        } finally {
            lock.readLock().unlock();
        }
    }

    // Facts depend on the day (age, expired certificates): the first evaluation of a new day rebuilds, once.
    private void refreshIfNewDay() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(day)) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!today.equals(day)) {
                List<EnterpriseProfile> current = new ArrayList<>();
                for (int id : live) {
                    current.add(profiles.get(id));
                }
                rebuildLocked(current);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The five disjoint sets of a node's outcome. */
    private final class Partition {
        final EnumMap<ConditionOutcome, RoaringBitmap> sets = new EnumMap<>(ConditionOutcome.class);

        Partition(RoaringBitmap met, RoaringBitmap unknown, RoaringBitmap manual, RoaringBitmap notApplicable) {
            RoaringBitmap m = RoaringBitmap.and(met, live);
            RoaringBitmap u = RoaringBitmap.andNot(RoaringBitmap.and(unknown, live), m);
            RoaringBitmap r = RoaringBitmap.andNot(RoaringBitmap.andNot(RoaringBitmap.and(manual, live), m), u);
            RoaringBitmap n = RoaringBitmap.and(notApplicable, live);
            n.andNot(m);
            n.andNot(u);
            n.andNot(r);
            RoaringBitmap unmet = live.clone();
            unmet.andNot(m);
            unmet.andNot(u);
            unmet.andNot(r);
            unmet.andNot(n);
            sets.put(ConditionOutcome.MET, m);
            sets.put(ConditionOutcome.UNKNOWN, u);
            sets.put(ConditionOutcome.MANUAL, r);
            sets.put(ConditionOutcome.NOT_APPLICABLE, n);
            sets.put(ConditionOutcome.UNMET, unmet);
        }

        RoaringBitmap get(ConditionOutcome o) {
            return sets.get(o);
        }
    }

    private Partition evaluate(Node node, Map<Condition, Partition> leaves) {
        if (node instanceof All a) {
            List<Partition> children = a.children().stream().map(child -> evaluate(child, leaves)).toList();
            // Same precedence as RuleTree.all: unmet, unknown, manual, met, else not applicable.
            RoaringBitmap unmet = union(children, ConditionOutcome.UNMET);
            RoaringBitmap unknown = RoaringBitmap.andNot(union(children, ConditionOutcome.UNKNOWN), unmet);
            RoaringBitmap manual = RoaringBitmap.andNot(RoaringBitmap.andNot(union(children, ConditionOutcome.MANUAL), unmet), unknown);
            RoaringBitmap met = union(children, ConditionOutcome.MET);
            met.andNot(unmet);
            met.andNot(unknown);
            met.andNot(manual);
            RoaringBitmap rest = live.clone();
            rest.andNot(unmet);
            rest.andNot(unknown);
            rest.andNot(manual);
            rest.andNot(met);
            return new Partition(met, unknown, manual, rest);
        }
        if (node instanceof Any a) {
            List<Partition> children = a.children().stream().map(child -> evaluate(child, leaves)).toList();
            RoaringBitmap met = union(children, ConditionOutcome.MET);
            RoaringBitmap unknown = RoaringBitmap.andNot(union(children, ConditionOutcome.UNKNOWN), met);
            RoaringBitmap manual = RoaringBitmap.andNot(RoaringBitmap.andNot(union(children, ConditionOutcome.MANUAL), met), unknown);
            RoaringBitmap unmet = union(children, ConditionOutcome.UNMET);
            RoaringBitmap na = live.clone();
            na.andNot(unmet);
            na.andNot(met);
            na.andNot(unknown);
            na.andNot(manual);
            return new Partition(met, unknown, manual, na);
        }
        if (node instanceof Not n) {
            Partition child = evaluate(n.child(), leaves);
            return new Partition(child.get(ConditionOutcome.UNMET), child.get(ConditionOutcome.UNKNOWN),
                    child.get(ConditionOutcome.MANUAL), child.get(ConditionOutcome.NOT_APPLICABLE));
        }
        return leaves.computeIfAbsent((Condition) node, this::leaf);
    }

    private static RoaringBitmap union(List<Partition> children, ConditionOutcome o) {
        RoaringBitmap all = new RoaringBitmap();
        children.forEach(c -> all.or(c.get(o)));
        return all;
    }

    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    private static RoaringBitmap get(Map<String, RoaringBitmap> map, String key) {
        return map.getOrDefault(key, EMPTY);
    }

    private Partition leaf(Condition c) {
        if (c.op() == Op.EXISTS) {
            RoaringBitmap present = present(c.field());
            return new Partition(c.exists() ? present : RoaringBitmap.andNot(live, present), EMPTY, EMPTY, EMPTY);
        }
        switch (c.field()) {
            case SIZE -> {
                RoaringBitmap met = new RoaringBitmap();
                c.texts().forEach(t -> met.or(get(sizes, t)));
                return new Partition(met, get(sizes, SIZE_UNKNOWN), EMPTY, get(sizes, SIZE_NOT_APPLICABLE));
            }
            case INDUSTRY_CODE -> {
                RoaringBitmap met = new RoaringBitmap();
                RoaringBitmap coarser = new RoaringBitmap();
                for (String text : c.texts()) {
                    IndustryCode rule = IndustryCode.parse(text);
                    met.or(get(codePrefixes, rule.toString()));
                    for (int len = 0; len < rule.digits().length(); len++) {
                        coarser.or(get(codes, rule.section() + rule.digits().substring(0, len)));
                    }
                }
                coarser.or(get(codes, MISSING));
                return new Partition(met, coarser, EMPTY, EMPTY);
            }
            case INDUSTRY_SECTION -> {
                RoaringBitmap met = new RoaringBitmap();
                c.texts().forEach(t -> met.or(get(codePrefixes, t)));
                return new Partition(met, get(codes, MISSING), EMPTY, EMPTY);
            }
            case REGION -> {
                RoaringBitmap met = new RoaringBitmap();
                regions.forEach((region, ids) -> {
                    if (!region.equals(MISSING) && c.texts().stream().anyMatch(region::startsWith)) {
                        met.or(ids);
                    }
                });
                return new Partition(met, get(regions, MISSING), EMPTY, EMPTY);
            }
            case REGISTRATION_TYPE -> {
                RoaringBitmap met = new RoaringBitmap();
                c.texts().forEach(t -> met.or(get(registrationTypes, t)));
                return new Partition(met, get(registrationTypes, MISSING), EMPTY, EMPTY);
            }
            case TAGS -> {
                List<Partition> perTag = new ArrayList<>();
                for (String tag : c.texts()) {
                    RoaringBitmap met = get(tags, tag);
                    RoaringBitmap unknown = get(unknownTags, tag);
                    boolean decidable = trackedTags.contains(tag) || tag.equals(Facts.SMALL_OR_MICRO)
                            || tag.equals(Facts.ABOVE_SCALE_INDUSTRY);
                    RoaringBitmap manual = decidable ? EMPTY : RoaringBitmap.andNot(live, get(expiredTags, tag));
                    perTag.add(new Partition(met, unknown, manual, EMPTY));
                }
                if (perTag.size() == 1) {
                    return perTag.get(0);
                }
                RoaringBitmap met = union(perTag, ConditionOutcome.MET);
                RoaringBitmap unknown = union(perTag, ConditionOutcome.UNKNOWN);
                RoaringBitmap manual = union(perTag, ConditionOutcome.MANUAL);
                return new Partition(met, unknown, manual, EMPTY);
            }
            default -> {
                return number(c);
            }
        }
    }

    // One pass over the column, appending ids in order (RoaringBitmapWriter); NaN (unknown or removed) never compares
    // true, and the unknown ids are kept as a bitmap per column.
    private Partition number(Condition c) {
        double[] column = numbers.get(c.field());
        double[] values = c.numbers().stream().mapToDouble(BigDecimal::doubleValue).toArray();
        double v0 = values[0];
        RoaringBitmapWriter<RoaringBitmap> met = RoaringBitmapWriter.writer().get();
        int n = size;
        switch (c.op()) {
            case GTE -> {
                for (int id = 0; id < n; id++) {
                    if (column[id] >= v0) {
                        met.add(id);
                    }
                }
            }
            case LTE -> {
                for (int id = 0; id < n; id++) {
                    if (column[id] <= v0) {
                        met.add(id);
                    }
                }
            }
            case GT -> {
                for (int id = 0; id < n; id++) {
                    if (column[id] > v0) {
                        met.add(id);
                    }
                }
            }
            case LT -> {
                for (int id = 0; id < n; id++) {
                    if (column[id] < v0) {
                        met.add(id);
                    }
                }
            }
            default -> {
                for (int id = 0; id < n; id++) {
                    double x = column[id];
                    for (double v : values) {
                        if (x == v) {
                            met.add(id);
                            break;
                        }
                    }
                }
            }
        }
        return new Partition(met.get(), missingNumbers.get(c.field()), EMPTY, EMPTY);
    }

    private RoaringBitmap present(Field field) {
        return switch (field) {
            case SIZE -> {
                RoaringBitmap known = new RoaringBitmap();
                Arrays.stream(SizeClass.values()).forEach(s -> known.or(get(sizes, s.name())));
                yield known;
            }
            case INDUSTRY_CODE, INDUSTRY_SECTION -> RoaringBitmap.andNot(live, get(codes, MISSING));
            case REGION -> RoaringBitmap.andNot(live, get(regions, MISSING));
            case REGISTRATION_TYPE -> RoaringBitmap.andNot(live, get(registrationTypes, MISSING));
            case TAGS -> {
                RoaringBitmap any = new RoaringBitmap();
                tags.values().forEach(any::or);
                yield any;
            }
            default -> RoaringBitmap.andNot(live, missingNumbers.get(field));
        };
    }

    private void clear() {
        profiles = new ArrayList<>();
        facts = new ArrayList<>();
        ids = new HashMap<>();
        live.clear();
        List.of(sizes, codePrefixes, codes, regions, registrationTypes, tags, unknownTags, expiredTags).forEach(Map::clear);
        NUMBER_FIELDS.forEach(f -> numbers.put(f, new double[16]));
        NUMBER_FIELDS.forEach(f -> missingNumbers.put(f, new RoaringBitmap()));
        size = 0;
    }

    private void add(EnterpriseProfile p) {
        if (day == null) {
            day = LocalDate.now(clock);
        }
        int id = size++;
        Facts f = Facts.of(p, day, classifier);
        profiles.add(p);
        facts.add(f);
        ids.put(p.uscc().value(), id);
        live.add(id);
        String sizeKey = switch (f.sizeState()) {
            case MET -> f.size().name();
            case NOT_APPLICABLE -> SIZE_NOT_APPLICABLE;
            default -> SIZE_UNKNOWN;
        };
        mark(sizes, sizeKey, id);
        IndustryCode code = f.industryCode();
        if (code == null) {
            mark(codes, MISSING, id);
        } else {
            mark(codes, code.toString(), id);
            for (int len = 0; len <= code.digits().length(); len++) {
                mark(codePrefixes, code.section() + code.digits().substring(0, len), id);
            }
        }
        mark(regions, f.region() == null ? MISSING : f.region(), id);
        mark(registrationTypes, f.registrationType() == null ? MISSING : f.registrationType().label(), id);
        f.tags().forEach(t -> mark(tags, t, id));
        f.unknownTags().forEach(t -> mark(unknownTags, t, id));
        f.expiredTags().keySet().forEach(t -> mark(expiredTags, t, id));
        for (Field field : NUMBER_FIELDS) {
            double[] column = numbers.get(field);
            if (id >= column.length) {
                column = Arrays.copyOf(column, Math.max(16, column.length * 2));
                numbers.put(field, column);
            }
            Number n = switch (field) {
                case EMPLOYEES -> f.employees();
                case REVENUE -> f.revenueWan();
                case ASSETS -> f.assetsWan();
                default -> f.ageYears();
            };
            column[id] = n == null ? Double.NaN : n.doubleValue();
            if (n == null) {
                missingNumbers.get(field).add(id);
            }
        }
    }

    private static void mark(Map<String, RoaringBitmap> map, String key, int id) {
        map.computeIfAbsent(key, k -> new RoaringBitmap()).add(id);
    }

    // A replaced or removed enterprise keeps its id slot as a tombstone: every query is intersected with live.
    private void removeLocked(Uscc uscc) {
        Integer id = ids.remove(uscc.value());
        if (id != null) {
            live.remove(id);
            List.of(sizes, codePrefixes, codes, regions, registrationTypes, tags, unknownTags, expiredTags)
                    .forEach(m -> m.values().forEach(b -> b.remove(id)));
            NUMBER_FIELDS.forEach(f -> {
                numbers.get(f)[id] = Double.NaN;
                missingNumbers.get(f).remove(id);
            });
        }
    }
}
