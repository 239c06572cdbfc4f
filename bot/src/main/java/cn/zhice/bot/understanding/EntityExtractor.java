package cn.zhice.bot.understanding;

import cn.zhice.kb.Category;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a message names: knowledge-base entries (by title, keywords and the staff's synonyms), the policy
 * categories, enterprise types and places. Immutable; {@link #from(KnowledgeBase)} builds a new one from the current
 * knowledge base, which callers swap in when policies change.
 */
final class EntityExtractor {

    static final EntityExtractor EMPTY = new EntityExtractor(TermDictionary.EMPTY);

    /** A name shared by more entries than this is a topic, not a name (补贴 in a 5,000-entry base). */
    static final int MAX_ENTRIES_PER_NAME = 20;

    private static final Pattern REGION_PART = Pattern.compile(".+?(?:自治州|自治县|街道|新区|省|市|区|县|镇|乡)");
    private static final Pattern TITLE_PARTS = Pattern.compile("[()（）【】\\[\\]《》「」、,，:：]+");
    private static final Pattern TITLE_SUFFIX = Pattern.compile(
            "(?:的通知|实施办法|管理办法|暂行办法|实施细则|实施意见|若干措施|若干政策|若干规定|申报指南|办事指南|操作规程)$");
    private static final Pattern SHORTENABLE_SUFFIX = Pattern.compile("(?:省|市|区|县)$");
    private static final int MIN_NAME_LENGTH = 2;

    private final TermDictionary dictionary;

    private EntityExtractor(TermDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The mentions in a normalised message, ordered by position. */
    List<EntityMention> extract(String normalized) {
        return dictionary.find(normalized);
    }

    int size() {
        return dictionary.size();
    }

    static EntityExtractor from(KnowledgeBase knowledgeBase) {
        TextNormalizer normalizer = new TextNormalizer();
        Map<String, List<String>> synonyms = synonymsByName(knowledgeBase.synonymGroups(), normalizer);
        Set<String> stopWords = Set.copyOf(lines("entity-stopwords.txt"));
        TermDictionary.Builder builder = TermDictionary.builder();

        for (Category category : Category.values()) {
            if (category != Category.OTHER) {
                builder.add(EntityType.CATEGORY, category.label(), category.label());
            }
        }
        for (Map.Entry<String, List<String>> type : namesByCanonical("enterprise-types.txt").entrySet()) {
            addWithSynonyms(builder, EntityType.ENTERPRISE_TYPE, type.getKey(), type.getValue(), synonyms, normalizer);
        }
        Map<String, List<String>> regions = namesByCanonical("regions.txt");
        Map<String, Set<String>> entriesByName = new LinkedHashMap<>();
        for (EntryKind kind : EntryKind.values()) {
            for (Entry entry : knowledgeBase.visible(kind)) {
                for (String region : regionNames(entry.region(), normalizer)) {
                    regions.computeIfAbsent(region, r -> new ArrayList<>());
                }
                for (String name : entryNames(entry, normalizer, stopWords)) {
                    entriesByName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(entry.externalId());
                    for (String synonym : synonyms.getOrDefault(name, List.of())) {
                        entriesByName.computeIfAbsent(synonym, n -> new LinkedHashSet<>()).add(entry.externalId());
                    }
                }
            }
        }
        entriesByName.forEach((name, ids) -> {
            if (ids.size() <= MAX_ENTRIES_PER_NAME) {
                ids.forEach(id -> builder.add(EntityType.ENTRY, name, id));
            }
        });
        for (Map.Entry<String, List<String>> region : regions.entrySet()) {
            List<String> names = new ArrayList<>(region.getValue());
            shortForm(region.getKey()).ifPresent(names::add);
            addWithSynonyms(builder, EntityType.REGION, region.getKey(), names, Map.of(), normalizer);
        }
        return new EntityExtractor(builder.build());
    }

    private static void addWithSynonyms(TermDictionary.Builder builder, EntityType type, String canonical,
            List<String> aliases, Map<String, List<String>> synonyms, TextNormalizer normalizer) {
        Set<String> names = new LinkedHashSet<>();
        names.add(canonical);
        names.addAll(aliases);
        for (String name : List.copyOf(names)) {
            names.addAll(synonyms.getOrDefault(normalizer.normalize(name), List.of()));
        }
        names.forEach(name -> builder.add(type, normalizer.normalize(name), canonical));
    }

    /** Each name in a synonym group, with the other names of its groups. */
    private static Map<String, List<String>> synonymsByName(List<List<String>> groups, TextNormalizer normalizer) {
        Map<String, Set<String>> byName = new HashMap<>();
        for (List<String> group : groups) {
            List<String> names = group.stream().map(normalizer::normalize).filter(n -> !n.isBlank()).toList();
            for (String name : names) {
                Set<String> others = byName.computeIfAbsent(name, n -> new LinkedHashSet<>());
                names.stream().filter(other -> !other.equals(name)).forEach(others::add);
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        byName.forEach((name, others) -> result.put(name, List.copyOf(others)));
        return result;
    }

    /** The title, its parts and core (without place and 实施办法), and the keywords that are names. */
    private static Set<String> entryNames(Entry entry, TextNormalizer normalizer, Set<String> stopWords) {
        Set<String> names = new LinkedHashSet<>();
        String title = normalizer.normalize(entry.title());
        names.add(title);
        for (String part : TITLE_PARTS.split(title)) {
            String core = TITLE_SUFFIX.matcher(withoutLeadingRegion(part.strip())).replaceAll("");
            names.add(part.strip());
            names.add(core);
        }
        for (String keyword : entry.keywords()) {
            names.add(normalizer.normalize(keyword));
        }
        names.removeIf(name -> name.codePointCount(0, name.length()) < MIN_NAME_LENGTH || stopWords.contains(name));
        return names;
    }

    private static String withoutLeadingRegion(String title) {
        Matcher region = REGION_PART.matcher(title);
        int end = 0;
        while (region.find(end) && region.start() == end && region.end() < title.length()
                && region.end() - region.start() <= 6) {
            end = region.end();
        }
        return title.substring(end);
    }

    /** 滨江市青禾区 → 滨江市, 青禾区. */
    static List<String> regionNames(String region, TextNormalizer normalizer) {
        if (region == null || region.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher part = REGION_PART.matcher(normalizer.normalize(region).replace(" ", ""));
        while (part.find()) {
            if (part.group().length() >= MIN_NAME_LENGTH) {
                names.add(part.group());
            }
        }
        return names;
    }

    /** 青禾区 → 青禾, as residents write it; only for names that keep two characters or more. */
    private static Optional<String> shortForm(String region) {
        Matcher suffix = SHORTENABLE_SUFFIX.matcher(region);
        return suffix.find() && suffix.start() >= MIN_NAME_LENGTH
                ? Optional.of(region.substring(0, suffix.start()))
                : Optional.empty();
    }

    private static Map<String, List<String>> namesByCanonical(String resource) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            String[] columns = line.split("\t", 2);
            List<String> aliases = columns.length < 2 ? List.of()
                    : List.of(columns[1].split(",")).stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
            names.put(columns[0].strip(), new ArrayList<>(aliases));
        }
        return names;
    }

    private static List<String> lines(String resource) {
        InputStream in = EntityExtractor.class.getResourceAsStream("/understanding/" + resource);
        if (in == null) {
            throw new IllegalStateException("Missing /understanding/" + resource + " on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
