package cn.zhice.bot.understanding;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** A knowledge base in memory, loaded with policy-kb's demo entries and the shipped synonym groups. */
final class InMemoryKnowledgeBase implements KnowledgeBase {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger wholeReads = new AtomicInteger();
    private final List<List<String>> synonymGroups = List.of(
            List.of("高企", "高新技术企业", "高新企业"),
            List.of("营业执照", "企业登记", "工商登记", "执照"),
            List.of("个体户", "个体工商户"),
            List.of("公积金", "住房公积金"),
            List.of("创业贷", "创业担保贷款"));

    static InMemoryKnowledgeBase withDemoData() {
        InMemoryKnowledgeBase kb = new InMemoryKnowledgeBase();
        for (String file : List.of("policies", "service-guides", "faqs")) {
            kb.load("/demo/" + file + ".jsonl");
        }
        return kb;
    }

    void put(Entry entry) {
        entries.put(entry.externalId(), entry);
        writes.incrementAndGet();
    }

    void remove(String externalId) {
        entries.remove(externalId);
        writes.incrementAndGet();
    }

    /** How often every entry of a kind was read: what rebuilding a dictionary costs. */
    int wholeReads() {
        return wholeReads.get();
    }

    private void load(String resource) {
        InputStream in = InMemoryKnowledgeBase.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank()).forEach(line -> put(JSON.readValue(line, Entry.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Entry> visible(String externalId) {
        return Optional.ofNullable(entries.get(externalId));
    }

    @Override
    public List<Entry> visible(EntryKind kind) {
        wholeReads.incrementAndGet();
        return entries.values().stream().filter(entry -> entry.kind() == kind).toList();
    }

    @Override
    public List<List<String>> synonymGroups() {
        return synonymGroups;
    }

    @Override
    public String revision() {
        return "write " + writes.get();
    }
}
