package cn.zhice.bot.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static EntityExtractor extractor;

    @BeforeAll
    static void build() {
        extractor = EntityExtractor.from(InMemoryKnowledgeBase.withDemoData());
    }

    @Test
    void findsAServiceByItsKeywordWithTheEntryAsValue() {
        List<EntityMention> entries = ofType("营业执照在哪办", EntityType.ENTRY);

        assertThat(entries).extracting(EntityMention::text, EntityMention::start, EntityMention::end)
                .containsOnly(tuple("营业执照", 0, 4));
        assertThat(entries).extracting(EntityMention::value).contains("QH-SG-001");
    }

    @Test
    void findsAnEnterpriseTypeByItsCanonicalName() {
        assertThat(ofType("我们是高新技术企业能申请吗", EntityType.ENTERPRISE_TYPE))
                .containsExactly(new EntityMention(EntityType.ENTERPRISE_TYPE, "高新技术企业", "高新技术企业", 3, 9));
    }

    @Test
    void findsAnEnterpriseTypeThroughTheKnowledgeBaseSynonyms() {
        assertThat(ofType("高企认定要带啥材料", EntityType.ENTERPRISE_TYPE))
                .containsExactly(new EntityMention(EntityType.ENTERPRISE_TYPE, "高企", "高新技术企业", 0, 2));
        assertThat(ofType("个体户有什么补贴", EntityType.ENTERPRISE_TYPE))
                .extracting(EntityMention::value).containsExactly("个体工商户");
    }

    @Test
    void findsEntriesThroughTheKnowledgeBaseSynonyms() {
        List<String> viaKeyword = ofType("营业执照", EntityType.ENTRY).stream().map(EntityMention::value).toList();

        assertThat(ofType("工商登记怎么办", EntityType.ENTRY)).extracting(EntityMention::value)
                .containsAll(viaKeyword);
    }

    @Test
    void findsCategoriesAndRegions() {
        List<EntityMention> mentions = extractor.extract("青禾区人才政策有哪些,滨江的税务优惠呢");

        assertThat(mentions).filteredOn(m -> m.type() == EntityType.CATEGORY)
                .extracting(EntityMention::value).containsExactly("人才", "税务");
        assertThat(mentions).filteredOn(m -> m.type() == EntityType.REGION)
                .extracting(EntityMention::text, EntityMention::value)
                .containsExactly(tuple("青禾区", "青禾区"), tuple("滨江", "滨江市"));
    }

    @Test
    void prefersTheLongestNameWithinAType() {
        assertThat(ofType("专精特新小巨人怎么申报", EntityType.ENTERPRISE_TYPE))
                .extracting(EntityMention::text, EntityMention::value)
                .containsExactly(tuple("专精特新小巨人", "专精特新小巨人"));
    }

    @Test
    void ignoresKeywordsThatAreQuestionWords() {
        assertThat(ofType("地址在哪 要多久", EntityType.ENTRY)).isEmpty();
    }

    @Test
    void findsNothingInChitChat() {
        assertThat(extractor.extract("今天天气怎么样")).isEmpty();
    }

    @Test
    void splitsARegionFieldIntoItsPlaces() {
        assertThat(EntityExtractor.regionNames("广东省广州市天河区石牌街道", new TextNormalizer()))
                .containsExactly("广东省", "广州市", "天河区", "石牌街道");
    }

    private static List<EntityMention> ofType(String text, EntityType type) {
        return extractor.extract(text).stream().filter(mention -> mention.type() == type).toList();
    }
}
