package cn.zhice.bot.understanding;

import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.EntryWithdrawn;
import cn.zhice.kb.KnowledgeBase;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@link Understanding} with OpenNLP: normalise, rank every intent with the doccat model trained from the corpus at
 * start, then find entities with a dictionary built from the knowledge base. The dictionary is rebuilt in the
 * background after entries are published or withdrawn here, and when a periodic look at the knowledge base's
 * {@linkplain KnowledgeBase#revision() revision} shows changes made on other instances or a new day (validity
 * windows). A rebuild reads every entry and costs a core for most of a second, so an unchanged knowledge base is not
 * rebuilt.
 */
@Component
class NlpUnderstanding implements Understanding {

    private static final Logger log = LoggerFactory.getLogger(NlpUnderstanding.class);

    private final TextNormalizer normalizer = new TextNormalizer();
    private final IntentClassifier classifier;
    private final KnowledgeBase knowledgeBase;
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "entity-dictionary");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EntityExtractor entities = EntityExtractor.EMPTY;
    private volatile String builtFrom;

    @Autowired
    NlpUnderstanding(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, IntentClassifier.trainFromCorpus());
    }

    NlpUnderstanding(KnowledgeBase knowledgeBase, IntentClassifier classifier) {
        this.knowledgeBase = knowledgeBase;
        this.classifier = classifier;
        rebuildEntities();
    }

    @Override
    public Understood understand(String text) {
        String normalized = normalizer.normalize(text);
        List<IntentScore> ranking = classifier.rank(IntentClassifier.input(normalizer, normalized));
        IntentScore best = ranking.get(0);
        return new Understood(
                text == null ? "" : text, normalized, best.intent(), best.probability(), ranking,
                entities.extract(normalized));
    }

    /** Asks for a rebuild when the knowledge base changed since the dictionary was built. */
    @Scheduled(
            fixedDelayString = "${zhice.bot.understanding.dictionary-refresh:1m}",
            initialDelayString = "${zhice.bot.understanding.dictionary-refresh:1m}")
    void refreshEntities() {
        try {
            if (!knowledgeBase.revision().equals(builtFrom)) {
                requestRebuild();
            }
        } catch (RuntimeException e) {
            log.warn("Could not see whether the knowledge base changed; keeping the entity dictionary: {}", e.toString());
        }
    }

    /** Rebuilds the entity dictionary from the knowledge base now; keeps the old one if that fails. */
    void rebuildEntities() {
        try {
            long started = System.nanoTime();
            // Read before the entries, so that a change made during the rebuild shows at the next look.
            String revision = knowledgeBase.revision();
            EntityExtractor rebuilt = EntityExtractor.from(knowledgeBase);
            entities = rebuilt;
            builtFrom = revision;
            log.debug("Entity dictionary rebuilt with {} names in {} ms",
                    rebuilt.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not rebuild the entity dictionary; keeping the previous one: {}", e.toString());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPublished(EntryPublished published) {
        requestRebuild();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onWithdrawn(EntryWithdrawn withdrawn) {
        requestRebuild();
    }

    /** An import publishes thousands of entries at once: one rebuild waits at most, however many events arrive. */
    private void requestRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            rebuilds.execute(() -> {
                rebuildPending.set(false);
                rebuildEntities();
            });
        }
    }

    /** Waits until the rebuilds requested so far have run (tests, orderly shutdown). */
    void awaitRebuilds() throws InterruptedException, ExecutionException, TimeoutException {
        rebuilds.submit(() -> {}).get(10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rebuilds.shutdownNow();
    }
}
