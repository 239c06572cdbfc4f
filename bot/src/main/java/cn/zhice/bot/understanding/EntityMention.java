package cn.zhice.bot.understanding;

/**
 * A span of the normalised text that names something.
 *
 * @param value the canonical value: the entry's externalId, the category label, the tag name, the region name
 */
public record EntityMention(EntityType type, String text, String value, int start, int end) {}
