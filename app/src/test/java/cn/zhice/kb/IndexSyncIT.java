package cn.zhice.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhice.ZhiceApplication;
import cn.zhice.kb.search.EntryIndex;
import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Several instances behind a load balancer share one database and one Redis, each with its own index: a change made
 * through one is searchable through the others, by notification or (when one is lost) by the periodic catch-up; and
 * an instance whose index is corrupt rebuilds it from the database on start.
 */
class IndexSyncIT {

    private static final String PASSWORD = "sync-admin-secret";

    private final String database = "jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final String channel = TestServices.uniquePrefix() + "kb:changed";
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void changePublishedThroughOneInstanceIsSearchableThroughAnother() throws IOException {
        Api first = start(channel, "1h", Files.createTempDirectory("zhice-a"));
        Api second = start(channel, "1h", Files.createTempDirectory("zhice-b"));

        String id = publish(first, "云杉街道夜市摊位申请");

        // No periodic catch-up is configured (1h): only the Redis notification can bring it here this fast.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(KnowledgeBaseApiContract.ids(second.search("云杉街道夜市摊位", null))).contains(id));
    }

    @Test
    void instanceThatMissedTheNotificationCatchesUpFromTheDatabase() throws IOException {
        Api first = start(channel, "1h", Files.createTempDirectory("zhice-a"));
        Api deaf = start(TestServices.uniquePrefix() + "elsewhere", "300ms", Files.createTempDirectory("zhice-c"));

        String id = publish(first, "青松社区充电桩报装");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(KnowledgeBaseApiContract.ids(deaf.search("青松社区充电桩", null))).contains(id));
    }

    @Test
    void catchUpLeavesEntriesThatAreAlreadyIndexedAlone() throws IOException {
        Api api = start(channel, "200ms", Files.createTempDirectory("zhice-d"));
        String id = publish(api, "紫藤巷老旧小区加装电梯补助");
        EntryIndex index = instances.get(0).getBean(EntryIndex.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(KnowledgeBaseApiContract.ids(api.search("紫藤巷加装电梯", null))).contains(id));
        // Every catch-up looks two minutes back and so sees this change again, every 200 ms. The index may change once
        // more (the first catch-up commits its watermark); after that it must stay as it is.
        long[] last = {readerVersion(index)};
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(6)).until(() -> {
            long now = readerVersion(index);
            boolean unchanged = now == last[0];
            last[0] = now;
            return unchanged;
        });
        assertThat(KnowledgeBaseApiContract.ids(api.search("紫藤巷加装电梯", null))).contains(id);
    }

    @Test
    void answerContentChangedThroughOneInstanceIsTheNewVersionOnEveryInstance() throws IOException {
        Api first = start(channel, "1h", Files.createTempDirectory("zhice-e"));
        start(channel, "1h", Files.createTempDirectory("zhice-f"));
        KnowledgeBase onFirst = instances.get(0).getBean(KnowledgeBase.class);
        KnowledgeBase onSecond = instances.get(1).getBean(KnowledgeBase.class);
        String id = publish(first, "银杏路共享单车停放点设置申请");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(onSecond.visible(id)).map(Entry::title).contains("银杏路共享单车停放点设置申请"));
        assertThat(onFirst.visible(id)).map(Entry::title).contains("银杏路共享单车停放点设置申请");

        publish(first, id, "银杏路共享单车停放点设置审批");

        // Both instances read the entry before the change; neither may keep answering with the old version.
        assertThat(onFirst.visible(id)).map(Entry::title).contains("银杏路共享单车停放点设置审批");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(onSecond.visible(id)).map(Entry::title).contains("银杏路共享单车停放点设置审批"));
    }

    @Test
    void listenersOfAPublicationReadThePublishedVersionThoughADraftWasAskedForBefore() throws IOException {
        Api api = start(channel, "1h", Files.createTempDirectory("zhice-g"), PublicationWitness.class);
        KnowledgeBase knowledgeBase = instances.get(0).getBean(KnowledgeBase.class);
        String id = KnowledgeBaseApiContract.newId();
        importEntry(api, id, "梧桐里临时占道施工许可", "DRAFT");
        assertThat(knowledgeBase.visible(id)).isEmpty();

        importEntry(api, id, "梧桐里临时占道施工许可", "PUBLISHED");

        // Listeners of EntryPublished (a campaign proposed for a new policy) run after commit, before search has been
        // brought up to date: what they read must already be the published version, not the draft's "nothing live".
        assertThat(PublicationWitness.SEEN).containsEntry(id, "梧桐里临时占道施工许可");
        assertThat(knowledgeBase.visible(id)).map(Entry::title).contains("梧桐里临时占道施工许可");
    }

    /** Records what an after-commit listener of each publication reads through the knowledge base. */
    static class PublicationWitness {

        static final Map<String, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

        private final KnowledgeBase knowledgeBase;

        PublicationWitness(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = knowledgeBase;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(EntryPublished published) {
            SEEN.put(published.externalId(),
                    knowledgeBase.visible(published.externalId()).map(Entry::title).orElse("(nothing live)"));
        }
    }

    private static long readerVersion(EntryIndex index) {
        return index.search(searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
    }

    @Test
    void corruptIndexIsRebuiltFromTheDatabaseOnStart() throws IOException {
        Path index = Files.createTempDirectory("zhice-corrupt");
        Api api = start(channel, "1h", index);
        String id = publish(api, "白鹭湖游船经营许可");
        instances.remove(instances.size() - 1).close();

        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, "not a lucene commit".getBytes());
            }
        }

        Api restarted = start(channel, "1h", index);
        assertThat(KnowledgeBaseApiContract.ids(restarted.search("白鹭湖游船", null))).contains(id);
    }

    private Api start(String syncChannel, String syncInterval, Path indexDir, Class<?>... extraBeans) {
        // Command-line arguments, as an operator would start each instance; they outrank application.yml.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZhiceApplication.class)
                .sources(extraBeans).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--zhice.redis.url=" + TestServices.redisUrl(),
                "--zhice.kb.sync-channel=" + syncChannel,
                "--zhice.kb.sync-interval=" + syncInterval,
                "--zhice.kb.index-dir=" + indexDir,
                "--zhice.demo-data.enabled=false",
                "--zhice.admin.bootstrap-password=" + PASSWORD);
        instances.add(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return Api.at(port).as("admin", PASSWORD);
    }

    private static String publish(Api api, String title) {
        return publish(api, KnowledgeBaseApiContract.newId(), title);
    }

    private static String publish(Api api, String id, String title) {
        return importEntry(api, id, title, "PUBLISHED");
    }

    private static String importEntry(Api api, String id, String title, String status) {
        Map<String, Object> entry = KnowledgeBaseApiContract.entry(id, "SERVICE_GUIDE", title);
        entry.put("status", status);
        Api.Reply reply = api.post("/api/admin/kb/import", "application/x-ndjson",
                KnowledgeBaseApiContract.ndjson(List.of(entry)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return id;
    }
}
