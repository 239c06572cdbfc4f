package cn.zhice.kb.search;

import cn.zhice.kb.vocabulary.Vocabulary;

import cn.zhice.kb.Entry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * The Lucene index of live entries, searchable near-real-time: every write is followed by a reader refresh, so a
 * published change is visible at once; commits to disk are batched ({@link #commit}). Commit metadata records the
 * schema, the vocabulary fingerprint and the database watermark, so a restart knows whether to catch up or rebuild.
 */
public final class EntryIndex implements Closeable {

    /** Bump when documents or analysis change incompatibly; an index with another schema is rebuilt on start. */
    static final String SCHEMA = "4";

    /**
     * Entries up to which the index is merged into one segment after every write. 5,000 entries take about 3 MB and
     * merge in well under a second; 50,000 take about ten times that.
     */
    static final int ONE_SEGMENT_UP_TO = 50_000;

    private static final String SCHEMA_KEY = "schema";
    private static final String VOCABULARY_KEY = "vocabulary";
    private static final String WATERMARK_KEY = "watermark";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Analyzers analyzers;
    private volatile OffsetDateTime watermark;
    private final boolean stale;

    public EntryIndex(Directory directory, Vocabulary vocabulary) throws IOException {
        this.directory = directory;
        this.analyzers = new Analyzers(vocabulary);
        IndexWriterConfig config = new IndexWriterConfig(new SwitchableAnalyzer(() -> analyzers.index))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setMergePolicy(compact())
                .setMergeScheduler(new RefreshingMergeScheduler())
                .setCommitOnClose(true);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> committed = new HashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                committed.putAll(reader.getIndexCommit().getUserData());
            }
        }
        this.stale = !SCHEMA.equals(committed.get(SCHEMA_KEY))
                || !vocabulary.indexFingerprint().equals(committed.get(VOCABULARY_KEY));
        this.watermark = committed.containsKey(WATERMARK_KEY)
                ? OffsetDateTime.parse(committed.get(WATERMARK_KEY))
                : OffsetDateTime.parse("1970-01-01T00:00Z");
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Merging for an index beyond {@link #ONE_SEGMENT_UP_TO}: segments under 32 MB count as 32 MB and at most two of
     * that size are kept. A smaller index is kept in one segment ({@link #compactLocked}).
     */
    private static TieredMergePolicy compact() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setFloorSegmentMB(32);
        policy.setSegmentsPerTier(2);
        return policy;
    }

    /** Whether this index was empty, of another schema or built with other domain terms, and must be rebuilt. */
    public boolean stale() {
        return stale;
    }

    /** The database change time up to which this index is known to be complete. */
    public OffsetDateTime watermark() {
        return watermark;
    }

    public void upsert(Collection<Entry> entries) {
        write(() -> {
            for (Entry entry : entries) {
                writer.updateDocument(new Term(EntryFields.ID, entry.externalId()), EntryDocuments.of(entry));
            }
        });
    }

    public void delete(Collection<String> externalIds) {
        write(() -> {
            for (String externalId : externalIds) {
                writer.deleteDocuments(new Term(EntryFields.ID, externalId));
            }
        });
    }

    /**
     * Replaces the whole index with what {@code source} feeds in. Searchers keep seeing the old contents until the
     * new ones are complete, because the reader is refreshed only at the end.
     */
    public void replaceAll(Consumer<Consumer<Entry>> source, OffsetDateTime upTo) {
        write(() -> {
            writer.deleteAll();
            source.accept(entry -> {
                try {
                    writer.addDocument(EntryDocuments.of(entry));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            watermark = upTo;
            commitLocked();
        });
    }

    /** Switches to a new vocabulary. Returns true when domain terms changed and the index must be rebuilt. */
    public boolean useVocabulary(Vocabulary vocabulary) {
        boolean termsChanged = !vocabulary.indexFingerprint().equals(analyzers.vocabulary.indexFingerprint());
        analyzers = new Analyzers(vocabulary);
        return termsChanged;
    }

    Analyzers analyzers() {
        return analyzers;
    }

    /** Advances the watermark and makes everything written so far durable. */
    public void commit(OffsetDateTime upTo) {
        write(() -> {
            boolean advanced = upTo.isAfter(watermark);
            if (advanced) {
                watermark = upTo;
            }
            if (advanced || writer.hasUncommittedChanges()) {
                commitLocked();
            }
        });
    }

    private void commitLocked() throws IOException {
        writer.setLiveCommitData(Map.of(
                SCHEMA_KEY, SCHEMA,
                VOCABULARY_KEY, analyzers.vocabulary.indexFingerprint(),
                WATERMARK_KEY, watermark.toString()).entrySet());
        writer.commit();
    }

    /** Runs a search on a current searcher, released afterwards. */
    public <T> T search(SearcherFunction<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    private void write(IndexAction action) {
        writeLock.lock();
        try {
            action.run();
            searchers.maybeRefreshBlocking();
            compactLocked();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A knowledge base is small and searched far more often than written, and a search pays again for every segment:
     * each query term's postings reader and scorer per segment. Four segments after an import cost twice the garbage
     * and a fifth more CPU per search than one. Lucene's merge policies leave such segments side by side (a merge must
     * grow its largest input by half, so 1,000 new entries never join 4,000), so a small index is merged into one
     * segment after each write, in the background; the merge scheduler shows the result to searches when it is done.
     */
    private void compactLocked() throws IOException {
        if (writer.getDocStats().maxDoc <= ONE_SEGMENT_UP_TO && segments() > 1) {
            writer.forceMerge(1, false);
        }
    }

    /** How many segments searches read now: one, once a small index's merges are done. */
    int segments() {
        return search(searcher -> searcher.getIndexReader().leaves().size());
    }

    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            searchers.close();
            if (writer.isOpen()) {
                commitLocked();
                writer.close();
            }
            directory.close();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Lucene's background merges, with the merged segment shown to searches as soon as it is done: otherwise the
     * reader would keep the segments an import left until the next write, and every search would pay for them.
     */
    private final class RefreshingMergeScheduler extends ConcurrentMergeScheduler {

        @Override
        protected void doMerge(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
            super.doMerge(mergeSource, merge);
            try {
                searchers.maybeRefresh();
            } catch (AlreadyClosedException closing) {
                // the index is closing: no search will use another reader
            }
        }
    }

    /** A search against one acquired searcher. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface IndexAction {
        void run() throws IOException;
    }
}
