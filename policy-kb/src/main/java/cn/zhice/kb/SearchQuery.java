package cn.zhice.kb;

/**
 * A knowledge-base search: free text as a resident would type it, how many hits, and optional filters.
 *
 * @param kind     only entries of this kind, or any when null
 * @param category only this category label (人才, 财政, …), or any when null
 * @param audience only entries for this audience (自然人, 企业法人, …), or any when null
 * @param snippets whether hits carry highlighted snippets; highlighting is most of a search's cost, so callers
 *                 that do not show snippets (the bot) leave them out
 */
public record SearchQuery(String text, int limit, EntryKind kind, String category, String audience, boolean snippets) {

    public SearchQuery(String text, int limit, EntryKind kind, String category, String audience) {
        this(text, limit, kind, category, audience, true);
    }

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, limit, null, null, null);
    }

    /** The same search, with hits that carry no snippet (an empty string). */
    public SearchQuery withoutSnippets() {
        return new SearchQuery(text, limit, kind, category, audience, false);
    }
}
