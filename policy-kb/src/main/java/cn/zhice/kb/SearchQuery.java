package cn.zhice.kb;

/**
 * A knowledge-base search: free text as a resident would type it, how many hits, and optional filters.
 *
 * @param kind     only entries of this kind, or any when null
 * @param category only this category label (人才, 财政, …), or any when null
 * @param audience only entries for this audience (自然人, 企业法人, …), or any when null
 */
public record SearchQuery(String text, int limit, EntryKind kind, String category, String audience) {

    public static SearchQuery of(String text, int limit) {
        return new SearchQuery(text, limit, null, null, null);
    }
}
