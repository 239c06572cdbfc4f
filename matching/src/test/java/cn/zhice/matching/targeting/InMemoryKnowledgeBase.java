package cn.zhice.matching.targeting;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** A knowledge base in memory holding policy-kb's demo policies; counts how often the policy list is read. */
public final class InMemoryKnowledgeBase implements KnowledgeBase {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger policyReads = new AtomicInteger();

    /** The demo district's policies, as the application loads them. */
    public static InMemoryKnowledgeBase withDemoPolicies() {
        InMemoryKnowledgeBase kb = new InMemoryKnowledgeBase();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                InMemoryKnowledgeBase.class.getResourceAsStream("/demo/policies.jsonl"), StandardCharsets.UTF_8))) {
            in.lines().filter(line -> !line.isBlank()).forEach(line -> kb.put(JSON.readValue(line, Entry.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kb;
    }

    /** Adds or replaces an entry (visible at once, as if published). */
    public void put(Entry entry) {
        entries.put(entry.externalId(), entry);
    }

    /** Withdraws an entry. */
    public void remove(String externalId) {
        entries.remove(externalId);
    }

    /** How many times {@link #visible(EntryKind)} was called for policies. */
    public int policyReads() {
        return policyReads.get();
    }

    /** A policy entry with only an id, a title and an eligibility tree. */
    public static Entry policy(String externalId, String title, String eligibility) {
        return new Entry(externalId, EntryKind.POLICY, title, null, null, "财政", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, JSON.readTree(eligibility));
    }

    @Override
    public Optional<Entry> visible(String externalId) {
        return Optional.ofNullable(entries.get(externalId));
    }

    @Override
    public List<Entry> visible(EntryKind kind) {
        if (kind == EntryKind.POLICY) {
            policyReads.incrementAndGet();
        }
        return entries.values().stream().filter(e -> e.kind() == kind)
                .sorted(java.util.Comparator.comparing(Entry::externalId)).toList();
    }

    @Override
    public List<List<String>> synonymGroups() {
        return List.of();
    }
}
