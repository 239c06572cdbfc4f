package cn.zhice.kb.vocabulary;

import java.util.List;

/**
 * What staff taught search: synonym groups (every term stands for the others: 高企, 高新技术企业) and domain terms
 * that are kept whole besides their parts (营业执照, 依申请公开).
 */
public record Vocabulary(List<List<String>> synonymGroups, List<String> terms) {

    public static final Vocabulary EMPTY = new Vocabulary(List.of(), List.of());

    public Vocabulary {
        synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
        terms = List.copyOf(terms);
    }

    /** Changes whenever the index-time part of the vocabulary (the terms) changes; stored with each index commit. */
    public String indexFingerprint() {
        return Integer.toHexString(terms.stream().sorted().toList().hashCode());
    }
}
