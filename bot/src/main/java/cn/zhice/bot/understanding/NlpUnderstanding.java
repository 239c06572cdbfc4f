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
 * background after entries are published or withdrawn here, and periodically for changes made on other instances
 * and entries whose validity window opened or closed.
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

    /** Rebuilds the entity dictionary from the knowledge base now; keeps the old one if that fails. */
    @Scheduled(
            fixedDelayString = "${zhice.bot.understanding.dictionary-refresh:5m}",
            initialDelayString = "${zhice.bot.understanding.dictionary-refresh:5m}")
    void rebuildEntities() {
        try {
            long started = System.nanoTime();
            EntityExtractor rebuilt = EntityExtractor.from(knowledgeBase);
            entities = rebuilt;
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
