package cn.zhice.bot.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable character trie of names, matched leftmost-longest and without overlaps within each entity type (so
 * 高新技术企业认定 can be an entry while 高新技术企业 inside it is still an enterprise type).
 *
 * <p>Hand-written rather than a library: no Aho-Corasick implementation is on the classpath, messages are short
 * (WeChat text, rarely over 200 characters) and the dictionary is a few thousand names, so walking the trie from
 * every position costs microseconds and a new dependency would buy nothing.
 */
final class TermDictionary {

    static final TermDictionary EMPTY = new Builder().build();

    private final Map<EntityType, Node> roots;
    private final int size;

    private TermDictionary(Map<EntityType, Node> roots, int size) {
        this.roots = roots;
        this.size = size;
    }

    static Builder builder() {
        return new Builder();
    }

    /** How many distinct (name, type, value) triples the dictionary holds. */
    int size() {
        return size;
    }

    /** Every mention in {@code text}, ordered by start, then type. Matching ignores ASCII case. */
    List<EntityMention> find(String text) {
        List<EntityMention> mentions = new ArrayList<>();
        for (Map.Entry<EntityType, Node> root : roots.entrySet()) {
            int start = 0;
            while (start < text.length()) {
                Node node = root.getValue();
                Node longest = null;
                int longestEnd = -1;
                for (int i = start; i < text.length(); i++) {
                    node = node.children.get(Character.toLowerCase(text.charAt(i)));
                    if (node == null) {
                        break;
                    }
                    if (!node.values.isEmpty()) {
                        longest = node;
                        longestEnd = i + 1;
                    }
                }
                if (longest == null) {
                    start++;
                    continue;
                }
                String surface = text.substring(start, longestEnd);
                for (String value : longest.values) {
                    mentions.add(new EntityMention(root.getKey(), surface, value, start, longestEnd));
                }
                start = longestEnd;
            }
        }
        mentions.sort((a, b) -> a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : a.type().compareTo(b.type()));
        return mentions;
    }

    private static final class Node {
        final Map<Character, Node> children = new HashMap<>();
        final Set<String> values = new LinkedHashSet<>();
    }

    /** Collects names; not thread-safe, used by one thread to build a dictionary that is then shared read-only. */
    static final class Builder {

        private final Map<EntityType, Node> roots = new EnumMap<>(EntityType.class);
        private int size;

        /** Adds {@code name} for {@code type} with canonical {@code value}; blank names are ignored. */
        Builder add(EntityType type, String name, String value) {
            if (name == null || name.isBlank()) {
                return this;
            }
            Node node = roots.computeIfAbsent(type, t -> new Node());
            for (int i = 0; i < name.length(); i++) {
                node = node.children.computeIfAbsent(Character.toLowerCase(name.charAt(i)), c -> new Node());
            }
            if (node.values.add(value)) {
                size++;
            }
            return this;
        }

        TermDictionary build() {
            return new TermDictionary(new EnumMap<>(roots), size);
        }
    }
}
