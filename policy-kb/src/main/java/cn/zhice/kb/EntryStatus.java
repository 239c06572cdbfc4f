package cn.zhice.kb;

/**
 * Where an entry version stands in the editorial workflow {@code DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED}.
 * Only a published version that is currently valid is visible to search and the bot.
 */
public enum EntryStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
