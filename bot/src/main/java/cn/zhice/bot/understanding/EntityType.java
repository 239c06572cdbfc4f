package cn.zhice.bot.understanding;

/** Kinds of things a message can name. */
public enum EntityType {
    /** A knowledge-base entry (policy, service or FAQ), recognised by its title, keywords or synonyms. */
    ENTRY,
    /** A policy category: 人才, 财政, 税务, 融资, 土地, 创新, 科技. */
    CATEGORY,
    /** An enterprise type or tag: 小微企业, 高新技术企业, 个体工商户, … */
    ENTERPRISE_TYPE,
    /** A place: 区, 县, 街道, 镇. */
    REGION
}
