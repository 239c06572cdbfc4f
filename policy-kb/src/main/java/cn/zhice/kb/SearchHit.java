package cn.zhice.kb;

/** One search result: which entry, how well it matched, and a highlighted snippet ({@code <em>} marks matches). */
public record SearchHit(String externalId, EntryKind kind, String title, float score, String snippet) {}
