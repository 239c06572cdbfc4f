package cn.zhice.testsupport.push;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/** An in-memory {@link KnowledgeBase} of published policies. */
public final class FakeKnowledgeBase implements KnowledgeBase {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Publishes a policy with an eligibility tree, a summary and the given deadline (may be null). */
    public Entry publish(String externalId, String title, LocalDate deadline) {
        Entry entry = new Entry(externalId, EntryKind.POLICY, title, "对符合条件的企业给予一次性奖励。", "正文", "科技",
                "青禾区科技局", "滨江市青禾区", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), deadline,
                null, null, List.of(), List.of(), List.of(), List.of(), null, null,
                JsonMapper.builder().build().readTree("{\"all\":[{\"field\":\"region\",\"op\":\"eq\",\"value\":\"滨江市青禾区\"}]}"));
        entries.put(externalId, entry);
        return entry;
    }

    public void withdraw(String externalId) {
        entries.remove(externalId);
    }

    @Override
    public Optional<Entry> visible(String externalId) {
        return Optional.ofNullable(entries.get(externalId));
    }

    @Override
    public List<Entry> visible(EntryKind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).toList();
    }

    @Override
    public List<List<String>> synonymGroups() {
        return List.of();
    }
}
