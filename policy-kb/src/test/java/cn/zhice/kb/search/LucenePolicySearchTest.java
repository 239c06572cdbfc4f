package cn.zhice.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.SearchHit;
import cn.zhice.kb.SearchQuery;
import cn.zhice.kb.vocabulary.Vocabulary;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LucenePolicySearchTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final Vocabulary VOCABULARY = new Vocabulary(
            List.of(List.of("高企", "高新技术企业", "高新企业"), List.of("营业执照", "企业登记", "工商登记", "执照")),
            List.of("营业执照", "高新技术企业"));

    private static final Entry HIGH_TECH = new Entry(
            "QH-POL-KJ-01", EntryKind.POLICY, "青禾区高新技术企业认定奖励办法",
            "对首次通过认定的高新技术企业给予30万元一次性奖励。",
            "申报材料：<b>认定证书</b> & 上年度审计报告。",
            "科技", "青禾区科学技术局", "滨江市青禾区", "青禾府办〔2025〕3号",
            LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31),
            null, null, null, List.of("企业法人"), List.of("科技奖励"), List.of(), null, null, null);

    private static final Entry COMPANY_REGISTRATION = new Entry(
            "QH-SG-001", EntryKind.SERVICE_GUIDE, "企业设立登记（营业执照申领）",
            "新设立企业向区市场监督管理局申请设立登记，领取营业执照。",
            "材料齐全、符合法定形式的，当场核准登记。",
            "其他", "青禾区市场监督管理局", "滨江市青禾区", null,
            null, LocalDate.of(2025, 3, 10), null,
            new Entry.Where(List.of(new Entry.Office("青禾区政务服务中心", "青禾大道88号", null, null)), null, null),
            new Entry.How(List.of("网上申报名称", "提交设立登记材料"), List.of("公司章程", "股东身份证明"), null, "1个工作日", "免费"),
            null, List.of("企业法人", "个体工商户"), List.of("开公司", "开办企业"), List.of(), null, null, null);

    private static final Entry TAX_STARTER = new Entry(
            "QH-SG-014", EntryKind.SERVICE_GUIDE, "新办纳税人套餐式服务",
            "新办企业一次办结涉税事项。",
            "完成企业设立登记后，可一并办理税务登记信息确认、发票申领和税控设备发行。",
            "税务", "国家税务总局滨江市青禾区税务局", "滨江市青禾区", null,
            null, null, null, null, null, null, List.of("企业法人"), List.of(), List.of(), null, null, null);

    private static final Entry SOCIAL_INSURANCE = new Entry(
            "QH-FAQ-007", EntryKind.FAQ, "社会保险缴费基数怎么确定？",
            null, null, "其他", "青禾区社会保险事业中心", "滨江市青禾区", null,
            null, null, null, null, null, null, List.of("自然人", "企业法人"), List.of("缴费基数"),
            List.of("社会保险缴费基数是多少", "单位社会保险怎么核定基数"),
            "按职工上年度<月平均工资>核定，低于下限的按下限缴纳。", null, null);

    private static final Entry START_UP_LOAN = new Entry(
            "QH-POL-RZ-02", EntryKind.POLICY, "创业担保贷款贴息办法",
            "对符合条件的创业者给予创业担保贷款全额贴息。",
            "贴息期限最长3年。", "融资", "青禾区人力资源和社会保障局", "滨江市青禾区", null,
            null, LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31),
            null, null, null, List.of("自然人", "个体工商户"), List.of(), List.of(), null, null, null);

    private static final Entry RESEARCH_GRANT_2024 = new Entry(
            "QH-POL-KJ-2024", EntryKind.POLICY, "2024年度研发费用补助申报通知",
            "对上年度研发投入给予补助。", "研发费用补助按投入的10%计算。",
            "科技", "青禾区科学技术局", "滨江市青禾区", null,
            null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
            null, null, null, List.of("企业法人"), List.of(), List.of(), null, null, null);

    private static final List<Entry> ENTRIES = List.of(
            HIGH_TECH, COMPANY_REGISTRATION, TAX_STARTER, SOCIAL_INSURANCE, START_UP_LOAN, RESEARCH_GRANT_2024);

    private EntryIndex index;
    private LucenePolicySearch search;

    @BeforeEach
    void indexEntries() throws IOException {
        index = new EntryIndex(new ByteBuffersDirectory(), VOCABULARY);
        index.upsert(ENTRIES);
        search = searchOn(TODAY);
    }

    @AfterEach
    void closeIndex() throws IOException {
        index.close();
    }

    @Test
    void ranksBestTitleMatchFirst() {
        List<SearchHit> hits = search.search(SearchQuery.of("企业设立登记", 10));

        // the tax guide says 企业设立登记 verbatim in its body; the title match must still win
        assertThat(ids(hits)).startsWith(COMPANY_REGISTRATION.externalId()).contains(TAX_STARTER.externalId());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(0).title()).isEqualTo("企业设立登记（营业执照申领）");
        assertThat(hits.get(0).kind()).isEqualTo(EntryKind.SERVICE_GUIDE);
    }

    @Test
    void findsHighTechPolicyBySynonym() {
        assertThat(ids(search.search(SearchQuery.of("高企认定", 10)))).startsWith(HIGH_TECH.externalId());
        // 高企 alone shares neither a word nor a bigram with the entry: only the synonym group can find it
        assertThat(ids(search.search(SearchQuery.of("高企", 10)))).containsExactly(HIGH_TECH.externalId());
    }

    @Test
    void findsSimplifiedEntryByTraditionalQuestion() {
        List<SearchHit> hits = search.search(SearchQuery.of("營業執照怎麼辦理？", 10));

        assertThat(hits).first().satisfies(hit -> {
            assertThat(hit.externalId()).isEqualTo(COMPANY_REGISTRATION.externalId());
            assertThat(hit.snippet()).contains("<em>营业执照</em>");
        });
        assertThat(ids(search.search(SearchQuery.of("高新技術企業認定獎勵", 10)))).startsWith(HIGH_TECH.externalId());
    }

    @Test
    void restrictsResultsToRequestedKind() {
        String text = "企业登记";
        assertThat(kinds(search.search(SearchQuery.of(text, 10))))
                .contains(EntryKind.POLICY, EntryKind.SERVICE_GUIDE);

        List<SearchHit> policies = search.search(new SearchQuery(text, 10, EntryKind.POLICY, null, null));

        assertThat(ids(policies)).containsExactly(HIGH_TECH.externalId());
    }

    @Test
    void restrictsResultsToRequestedCategory() {
        String text = "企业登记";
        assertThat(ids(search.search(SearchQuery.of(text, 10))))
                .contains(COMPANY_REGISTRATION.externalId(), TAX_STARTER.externalId(), HIGH_TECH.externalId());

        List<SearchHit> tax = search.search(new SearchQuery(text, 10, null, "税务", null));

        assertThat(ids(tax)).containsExactly(TAX_STARTER.externalId());
    }

    @Test
    void restrictsResultsToRequestedAudience() {
        String text = "企业登记";

        List<SearchHit> selfEmployed = search.search(new SearchQuery(text, 10, null, null, "个体工商户"));
        List<SearchHit> residents = search.search(new SearchQuery(text, 10, EntryKind.POLICY, null, "自然人"));

        assertThat(ids(selfEmployed)).containsExactly(COMPANY_REGISTRATION.externalId());
        assertThat(residents).isEmpty();
    }

    @Test
    void hidesEntriesOutsideTheirValidityWindow() {
        assertThat(search.search(SearchQuery.of("研发费用补助", 10))).isEmpty();
        assertThat(search.search(SearchQuery.of("创业担保贷款贴息", 10))).isEmpty();
    }

    @Test
    void showsEntriesOnceTheClockIsInsideTheirWindowWithoutReindexing() {
        assertThat(ids(searchOn(LocalDate.of(2024, 6, 1)).search(SearchQuery.of("研发费用补助", 10))))
                .containsExactly(RESEARCH_GRANT_2024.externalId());
        // both ends of the window are inclusive
        assertThat(ids(searchOn(LocalDate.of(2027, 1, 1)).search(SearchQuery.of("创业担保贷款贴息", 10))))
                .containsExactly(START_UP_LOAN.externalId());
        assertThat(ids(searchOn(LocalDate.of(2027, 12, 31)).search(SearchQuery.of("高新技术企业认定奖励", 10))))
                .contains(HIGH_TECH.externalId());
        assertThat(ids(searchOn(LocalDate.of(2028, 1, 1)).search(SearchQuery.of("高新技术企业认定奖励", 10))))
                .doesNotContain(HIGH_TECH.externalId());
    }

    @Test
    void judgesValidityByTheShanghaiCalendarDay() {
        // 2026-12-31T16:30Z is already 1 January 2027 in Shanghai, when the loan policy starts
        Clock newYearInShanghai = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), SHANGHAI);

        List<SearchHit> hits = new LucenePolicySearch(index, newYearInShanghai)
                .search(SearchQuery.of("创业担保贷款贴息", 10));

        assertThat(ids(hits)).containsExactly(START_UP_LOAN.externalId());
    }

    @Test
    void leavesSnippetsOutWhenNotWantedButRanksTheSame() {
        SearchQuery query = SearchQuery.of("营业执照怎么办", 10);

        List<SearchHit> with = search.search(query);
        List<SearchHit> without = search.search(query.withoutSnippets());

        assertThat(ids(without)).isEqualTo(ids(with));
        assertThat(without).allSatisfy(hit -> assertThat(hit.snippet()).isEmpty());
        assertThat(with).anySatisfy(hit -> assertThat(hit.snippet()).contains("<em>"));
    }

    @Test
    void highlightsMatchesAndEscapesHtmlInSnippets() {
        List<SearchHit> hits = search.search(SearchQuery.of("认定证书", 10));

        assertThat(hits).first().satisfies(hit -> {
            assertThat(hit.externalId()).isEqualTo(HIGH_TECH.externalId());
            assertThat(hit.snippet())
                    .contains("<em>认定</em>", "&lt;b&gt;", "&amp;")
                    .doesNotContain("<b>", "</b>", " & ");
        });
    }

    @Test
    void escapesHtmlInSnippetWhenOnlyTheTitleMatched() {
        // 缴费基数 is in the FAQ's title, questions and keywords but not in its answer
        List<SearchHit> hits = search.search(SearchQuery.of("缴费基数", 10));

        assertThat(hits).first().satisfies(hit -> {
            assertThat(hit.externalId()).isEqualTo(SOCIAL_INSURANCE.externalId());
            assertThat(hit.snippet()).contains("&lt;月平均工资&gt;").doesNotContain("<月平均工资>", "<em>");
        });
    }

    @Test
    void returnsNothingForFillerOnlyQuery() {
        assertThat(search.search(SearchQuery.of("你好请问", 10))).isEmpty();
        assertThat(search.search(SearchQuery.of("您好，请问一下。谢谢！", 10))).isEmpty();
    }

    @Test
    void findsUpsertedEntryAtOnceAndForgetsDeletedOne() {
        Entry talentFlat = new Entry(
                "QH-POL-RC-09", EntryKind.POLICY, "人才公寓租赁补贴", "符合条件的青年人才可申请人才公寓。", null,
                "人才", null, null, null, null, null, null, null, null, null,
                List.of("自然人"), List.of(), List.of(), null, null, null);
        assertThat(search.search(SearchQuery.of("人才公寓", 10))).isEmpty();

        index.upsert(List.of(talentFlat));

        assertThat(ids(search.search(SearchQuery.of("人才公寓", 10)))).containsExactly(talentFlat.externalId());
        assertThat(index.size()).isEqualTo(ENTRIES.size() + 1);

        index.delete(List.of(talentFlat.externalId()));

        assertThat(search.search(SearchQuery.of("人才公寓", 10))).isEmpty();
        assertThat(index.size()).isEqualTo(ENTRIES.size());
    }

    @Test
    void upsertReplacesThePreviousVersionOfAnEntry() {
        Entry renamed = new Entry(
                HIGH_TECH.externalId(), EntryKind.POLICY, "青禾区科技型企业培育办法", null, null,
                "科技", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, null, null);

        index.upsert(List.of(renamed));

        assertThat(index.size()).isEqualTo(ENTRIES.size());
        assertThat(ids(search.search(SearchQuery.of("认定奖励", 10)))).doesNotContain(HIGH_TECH.externalId());
        assertThat(search.search(SearchQuery.of("科技型企业培育", 10))).first()
                .extracting(SearchHit::title).isEqualTo("青禾区科技型企业培育办法");
    }

    @Test
    void appliesNewSynonymsWithoutReindexing() {
        assertThat(search.search(SearchQuery.of("社保", 10))).isEmpty();

        boolean rebuildNeeded = index.useVocabulary(new Vocabulary(
                List.of(List.of("社保", "社会保险")), VOCABULARY.terms()));

        assertThat(rebuildNeeded).isFalse();
        assertThat(ids(search.search(SearchQuery.of("社保", 10)))).containsExactly(SOCIAL_INSURANCE.externalId());
        // and the old groups are gone with the old vocabulary
        assertThat(search.search(SearchQuery.of("高企", 10))).isEmpty();
    }

    @Test
    void asksForRebuildWhenDomainTermsChange() {
        assertThat(index.useVocabulary(new Vocabulary(VOCABULARY.synonymGroups(), List.of("营业执照")))).isTrue();
    }

    @Test
    void replaceAllSwapsTheWholeContents() {
        Entry only = new Entry(
                "QH-FAQ-100", EntryKind.FAQ, "残疾人就业保障金如何减免？", null, null, "其他",
                null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), "按规定申报减免。", null, null);
        OffsetDateTime upTo = OffsetDateTime.parse("2026-11-23T08:00:00+08:00");

        index.replaceAll(sink -> sink.accept(only), upTo);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.watermark()).isEqualTo(upTo);
        assertThat(search.search(SearchQuery.of("企业设立登记", 10))).isEmpty();
        assertThat(ids(search.search(SearchQuery.of("就业保障金减免", 10)))).containsExactly(only.externalId());
    }

    @Test
    void limitsTheNumberOfHits() {
        assertThat(search.search(SearchQuery.of("企业登记", 10))).hasSizeGreaterThan(1);
        assertThat(search.search(SearchQuery.of("企业登记", 1))).hasSize(1);
    }

    @Test
    void keptSearchesGiveWayToEveryIndexChange() {
        LucenePolicySearch keeping = new LucenePolicySearch(index, fixedAt(TODAY), 100);
        SearchQuery question = SearchQuery.of("营业执照怎么申请", 5);
        assertThat(ids(keeping.search(question))).first().isEqualTo(COMPANY_REGISTRATION.externalId());

        index.delete(List.of(COMPANY_REGISTRATION.externalId()));

        assertThat(ids(keeping.search(question))).doesNotContain(COMPANY_REGISTRATION.externalId());
    }

    @Test
    void keptSearchesAreKeptPerDaySoThatValidityWindowsMove() {
        MutableClock clock = new MutableClock(fixedAt(LocalDate.of(2027, 12, 31)));
        LucenePolicySearch keeping = new LucenePolicySearch(index, clock, 100);
        SearchQuery question = SearchQuery.of("高新技术企业认定奖励", 5);
        assertThat(ids(keeping.search(question))).contains(HIGH_TECH.externalId());

        clock.now = fixedAt(LocalDate.of(2028, 1, 1));

        assertThat(ids(keeping.search(question))).doesNotContain(HIGH_TECH.externalId());
    }

    private static Clock fixedAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI);
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Clock now;

        MutableClock(Clock now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return now.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return now.withZone(zone);
        }

        @Override
        public java.time.Instant instant() {
            return now.instant();
        }
    }

    private LucenePolicySearch searchOn(LocalDate day) {
        return new LucenePolicySearch(index, Clock.fixed(day.atStartOfDay(SHANGHAI).toInstant(), SHANGHAI));
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::externalId).toList();
    }

    private static List<EntryKind> kinds(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::kind).toList();
    }
}
