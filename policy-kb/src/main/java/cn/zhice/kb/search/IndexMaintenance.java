package cn.zhice.kb.search;

import cn.zhice.kb.store.EntriesChanged;
import cn.zhice.kb.store.EntryStore;
import cn.zhice.kb.vocabulary.Vocabulary;
import cn.zhice.kb.vocabulary.VocabularyChanged;
import cn.zhice.kb.vocabulary.VocabularyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the local index equal to the database: rebuilds it on start when missing, stale or corrupt; applies each
 * committed change at once; and every {@code zhice.kb.sync-interval} catches up on changes made through other
 * instances (normally already applied through the Redis notification) and on vocabulary edits.
 */
@Component
@Order(0)
public class IndexMaintenance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    /** Look this far behind the watermark: a transaction may commit a little after its timestamp was taken. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final EntryIndex index;
    private final EntryStore store;
    private final VocabularyStore vocabularyStore;
    private final Clock clock;
    /**
     * The change time of each entry as last applied to the index, for changes inside the catch-up overlap: a catch-up
     * skips what is already indexed, or every poll within two minutes of an import would re-index the whole import.
     */
    private final Map<String, OffsetDateTime> applied = new ConcurrentHashMap<>();
    private volatile Vocabulary vocabulary;

    IndexMaintenance(EntryIndex index, EntryStore store, VocabularyStore vocabularyStore, Clock clock) {
        this.index = index;
        this.store = store;
        this.vocabularyStore = vocabularyStore;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        vocabulary = vocabularyStore.load();
        if (index.stale()) {
            rebuild();
        } else {
            catchUp();
        }
    }

    /** Re-reads every live entry from the database into a fresh index. */
    public void rebuild() {
        long started = System.nanoTime();
        OffsetDateTime upTo = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        index.replaceAll(store::forEachPublished, upTo);
        log.info("Search index rebuilt: {} entries in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEntriesChanged(EntriesChanged changed) {
        apply(changed.externalIds());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onVocabularyChanged(VocabularyChanged changed) {
        reloadVocabulary();
    }

    /** Brings the given entries in the index in line with their live versions in the database. */
    public void apply(Collection<String> externalIds) {
        Map<String, EntryStore.LiveEntry> live = store.live(externalIds);
        Set<String> gone = new HashSet<>(externalIds);
        gone.removeAll(live.keySet());
        if (!live.isEmpty()) {
            index.upsert(live.values().stream().map(EntryStore.LiveEntry::entry).toList());
            live.forEach((externalId, entry) -> applied.put(externalId, entry.updatedAt()));
        }
        if (!gone.isEmpty()) {
            index.delete(gone);
            gone.forEach(applied::remove);
        }
    }

    /** Picks up the vocabulary from the database; rebuilds the index when domain terms changed. */
    public void reloadVocabulary() {
        Vocabulary current = vocabularyStore.load();
        if (current.equals(vocabulary)) {
            return;
        }
        vocabulary = current;
        if (index.useVocabulary(current)) {
            rebuild();
        }
        log.info("Search vocabulary reloaded: {} synonym groups, {} terms",
                current.synonymGroups().size(), current.terms().size());
    }

    @Scheduled(fixedDelayString = "${zhice.kb.sync-interval:30s}", initialDelayString = "${zhice.kb.sync-interval:30s}")
    void poll() {
        try {
            reloadVocabulary();
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Search index catch-up failed; will retry: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${zhice.kb.commit-interval:5s}")
    void commit() {
        index.commit(index.watermark());
    }

    /** Applies every change recorded in the database since the watermark (minus a safety overlap). */
    public void catchUp() {
        OffsetDateTime since = index.watermark().minus(OVERLAP);
        EntryStore.Changes changes = store.changedSince(since);
        List<String> pending = changes.updated().entrySet().stream()
                .filter(change -> !indexed(change.getKey(), change.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!pending.isEmpty()) {
            apply(pending);
            // A withdrawn or deleted entry is now absent from the index as of this change.
            pending.stream().filter(id -> !applied.containsKey(id))
                    .forEach(id -> applied.put(id, changes.updated().get(id)));
        }
        index.commit(changes.newest());
        applied.values().removeIf(changed -> changed.isBefore(since));
    }

    private boolean indexed(String externalId, OffsetDateTime changed) {
        OffsetDateTime indexed = applied.get(externalId);
        return indexed != null && !indexed.isBefore(changed);
    }
}
