package cn.zhice.bot.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.EntryWithdrawn;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NlpUnderstandingTest {

    private static IntentClassifier classifier;

    private final InMemoryKnowledgeBase knowledgeBase = InMemoryKnowledgeBase.withDemoData();
    private final NlpUnderstanding understanding = new NlpUnderstanding(knowledgeBase, classifier);

    @BeforeAll
    static void train() {
        classifier = IntentClassifier.trainFromCorpus();
    }

    @AfterEach
    void stop() {
        understanding.stop();
    }

    @Test
    void understandsATraditionalMessageWithFillerAndEmoji() {
        Understood understood = understanding.understand("你好請問，營業執照在哪裡辦？😊");

        assertThat(understood.original()).isEqualTo("你好請問，營業執照在哪裡辦？😊");
        assertThat(understood.normalized()).isEqualTo("你好请问,营业执照在哪里办?");
        assertThat(understood.intent()).isEqualTo(Intent.WHERE_TO_FIND);
        assertThat(understood.entities()).filteredOn(m -> m.type() == EntityType.ENTRY)
                .allSatisfy(m -> assertThat(understood.normalized().substring(m.start(), m.end())).isEqualTo("营业执照"))
                .extracting(EntityMention::value).contains("QH-SG-001");
    }

    @Test
    void reportsTheTopProbabilityAsConfidenceAndTheFullRanking() {
        Understood understood = understanding.understand("高企认定要带啥材料");

        assertThat(understood.intent()).isEqualTo(Intent.MATERIALS);
        assertThat(understood.ranking()).hasSize(Intent.values().length);
        assertThat(understood.ranking().get(0)).isEqualTo(new IntentScore(Intent.MATERIALS, understood.confidence()));
        assertThat(understood.entities()).extracting(EntityMention::type, EntityMention::value)
                .contains(org.assertj.core.groups.Tuple.tuple(EntityType.ENTERPRISE_TYPE, "高新技术企业"));
    }

    @Test
    void classifiesAGreetingAloneAsAGreetingAndAGreetingWithAQuestionByTheQuestion() {
        assertThat(understanding.understand("您好").intent()).isEqualTo(Intent.GREETING);
        assertThat(understanding.understand("您好,我要转人工").intent()).isEqualTo(Intent.HUMAN_AGENT);
    }

    @Test
    void understandsAnEmptyMessageAsOutOfScopeWithoutEntities() {
        Understood understood = understanding.understand("  🙂 ");

        assertThat(understood.normalized()).isEmpty();
        assertThat(understood.entities()).isEmpty();
        assertThat(understood.ranking()).hasSize(Intent.values().length);
    }

    @Test
    void learnsNewEntryNamesWhenAnEntryIsPublished() throws Exception {
        assertThat(understanding.understand("数据资产入表补助怎么申请").entities())
                .noneMatch(m -> m.type() == EntityType.ENTRY);

        knowledgeBase.put(entry("QH-POL-NEW-01", "青禾区数据资产入表补助实施办法"));
        understanding.onPublished(new EntryPublished("QH-POL-NEW-01", EntryKind.POLICY, 1, true));
        understanding.awaitRebuilds();

        assertThat(understanding.understand("数据资产入表补助怎么申请").entities())
                .filteredOn(m -> m.type() == EntityType.ENTRY)
                .extracting(EntityMention::text, EntityMention::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("数据资产入表补助", "QH-POL-NEW-01"));
    }

    @Test
    void learnsEntriesPublishedOnAnotherInstanceAtTheNextLook() throws Exception {
        knowledgeBase.put(entry("QH-POL-NEW-02", "青禾区数据资产入表补助实施办法"));
        understanding.refreshEntities();
        understanding.awaitRebuilds();

        assertThat(understanding.understand("数据资产入表补助怎么申请").entities())
                .filteredOn(m -> m.type() == EntityType.ENTRY)
                .extracting(EntityMention::value)
                .containsExactly("QH-POL-NEW-02");
    }

    @Test
    void leavesTheDictionaryAloneWhileTheKnowledgeBaseIsUnchanged() throws Exception {
        int readsAfterStart = knowledgeBase.wholeReads();

        understanding.refreshEntities();
        understanding.awaitRebuilds();

        assertThat(knowledgeBase.wholeReads()).isEqualTo(readsAfterStart);
        assertThat(understanding.understand("营业执照在哪办").entities()).extracting(EntityMention::value)
                .contains("QH-SG-001");
    }

    @Test
    void forgetsAnEntryWhenItIsWithdrawn() throws Exception {
        knowledgeBase.remove("QH-SG-001");
        understanding.onWithdrawn(new EntryWithdrawn("QH-SG-001", EntryKind.SERVICE_GUIDE));
        understanding.awaitRebuilds();

        assertThat(understanding.understand("营业执照在哪办").entities()).extracting(EntityMention::value)
                .doesNotContain("QH-SG-001");
    }

    @Test
    void givesTheSameAnswersWhenCalledFromManyThreads() throws Exception {
        List<String> messages = List.of("营业执照在哪办", "转人工", "不想收推送了", "我们公司能申请吗", "讲个笑话");
        List<Understood> sequential = messages.stream().map(understanding::understand).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Understood>> results = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> understanding.understand(messages.get(i % messages.size()))))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(sequential.get(i % messages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Entry entry(String externalId, String title) {
        return new Entry(externalId, EntryKind.POLICY, title, null, null, "财政", null, "滨江市青禾区", null, null,
                null, null, null, null, null, null, List.of("数据资产入表补助"), null, null, null, null);
    }
}
