package cn.zhice.kb.store;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Entries and their versions in the relational database (H2 or PostgreSQL). Every write adds a version; the
 * entry row is updated with a compare-and-set on {@code latest_version}, so two concurrent editors cannot both win.
 */
@Repository
public class EntryStore {

    /** Enough for a district's whole knowledge base; an entry's decoded content is a few kilobytes. */
    private static final int LIVE_VERSIONS_KEPT = 20_000;

    private static final String ENTRY_COLUMNS = """
            e.id, e.status, e.latest_version, e.published_version, e.created_at, e.updated_at,
            v.content, v.author""";

    private final JdbcClient jdbc;
    private final EntryCodec codec;
    private final Clock clock;

    /**
     * Live versions by external id, empty for ids without one, so a question's answer is not read and decoded again
     * for every message. Dropped by every write here and refreshed by {@link #live}; the expiry only bounds a change
     * made around the application (directly in the database), which the index's catch-up would not see either.
     */
    private final Cache<String, Optional<Entry>> liveVersions = Caffeine.newBuilder()
            .maximumSize(LIVE_VERSIONS_KEPT)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    public EntryStore(JdbcClient jdbc, EntryCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
    }

    public Optional<StoredEntry> find(String externalId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + """
                         from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.latest_version
                        where e.external_id = :externalId""")
                .param("externalId", externalId)
                .query(this::storedEntry)
                .optional();
    }

    /** The latest versions of the given entries, keyed by external id; missing ids are absent. */
    public Map<String, StoredEntry> findAll(Collection<String> externalIds) {
        Map<String, StoredEntry> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(externalIds)) {
            jdbc.sql("select " + ENTRY_COLUMNS + """
                             from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.latest_version
                            where e.external_id in (:ids)""")
                    .param("ids", chunk)
                    .query(this::storedEntry)
                    .list()
                    .forEach(entry -> found.put(entry.externalId(), entry));
        }
        return found;
    }

    public List<StoredEntry> list(EntryFilter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS + """
                 from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.latest_version
                where 1 = 1""");
        Map<String, Object> params = filterParams(filter, sql);
        sql.append(" order by e.updated_at desc, e.id desc limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(this::storedEntry).list();
    }

    public long count(EntryFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from kb_entry e where 1 = 1");
        Map<String, Object> params = filterParams(filter, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Map<String, Object> filterParams(EntryFilter filter, StringBuilder sql) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.kind() != null) {
            sql.append(" and e.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.category() != null) {
            sql.append(" and e.category = :category");
            params.put("category", filter.category());
        }
        if (filter.status() != null) {
            sql.append(" and e.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (lower(e.external_id) like :text or lower(e.title) like :text)");
            params.put("text", "%" + filter.text().strip().toLowerCase() + "%");
        }
        return params;
    }

    /** Adds a new entry with its first version. */
    public StoredEntry create(Entry content, EntryStatus status, String author, String comment) {
        OffsetDateTime now = now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into kb_entry (external_id, kind, title, category, status, latest_version, published_version,
                                      created_at, updated_at)
                values (:externalId, :kind, :title, :category, :status, 1, :published, :now, :now)""")
                .param("externalId", content.externalId())
                .param("kind", content.kind().name())
                .param("title", content.title())
                .param("category", content.category())
                .param("status", status.name())
                .param("published", status == EntryStatus.PUBLISHED ? 1 : null)
                .param("now", now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertVersion(id, 1, status, content, author, comment, now);
        forget(content.externalId());
        return new StoredEntry(id, content, status, 1,
                status == EntryStatus.PUBLISHED ? 1 : null, author, now, now);
    }

    /**
     * Adds version {@code current.latestVersion() + 1}. Publishing makes it the live version; archiving takes the
     * entry offline; drafts and reviews leave the live version as it was.
     *
     * @throws ConcurrentEdit when another version was added since {@code current} was read
     */
    public StoredEntry addVersion(StoredEntry current, Entry content, EntryStatus status, String author, String comment) {
        OffsetDateTime now = now();
        int version = current.latestVersion() + 1;
        Integer published = switch (status) {
            case PUBLISHED -> version;
            case ARCHIVED -> null;
            case DRAFT, IN_REVIEW -> current.publishedVersion();
        };
        int updated = jdbc.sql("""
                update kb_entry set kind = :kind, title = :title, category = :category, status = :status,
                       latest_version = :version, published_version = :published, updated_at = :now
                 where id = :id and latest_version = :expected""")
                .param("kind", content.kind().name())
                .param("title", content.title())
                .param("category", content.category())
                .param("status", status.name())
                .param("version", version)
                .param("published", published)
                .param("now", now)
                .param("id", current.id())
                .param("expected", current.latestVersion())
                .update();
        if (updated != 1) {
            throw new ConcurrentEdit(current.externalId());
        }
        insertVersion(current.id(), version, status, content, author, comment, now);
        forget(current.externalId());
        return new StoredEntry(current.id(), content, status, version, published, author, current.createdAt(), now);
    }

    private void insertVersion(
            long entryId, int version, EntryStatus status, Entry content, String author, String comment,
            OffsetDateTime now) {
        jdbc.sql("""
                insert into kb_entry_version (entry_id, version, status, content, author, comment, created_at)
                values (:entryId, :version, :status, :content, :author, :comment, :now)""")
                .param("entryId", entryId)
                .param("version", version)
                .param("status", status.name())
                .param("content", codec.write(content))
                .param("author", author)
                .param("comment", comment)
                .param("now", now)
                .update();
    }

    /** All versions of an entry, newest first. */
    public List<EntryVersion> history(String externalId) {
        return jdbc.sql("""
                select v.version, v.status, v.author, v.comment, v.created_at, v.content
                  from kb_entry_version v join kb_entry e on e.id = v.entry_id
                 where e.external_id = :externalId
                 order by v.version desc""")
                .param("externalId", externalId)
                .query((rs, n) -> new EntryVersion(
                        rs.getInt("version"),
                        EntryStatus.valueOf(rs.getString("status")),
                        rs.getString("author"),
                        rs.getString("comment"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        codec.read(rs.getString("content"))))
                .list();
    }

    /**
     * The live (published) content of the given entries; entries without a live version are absent. Served from the
     * kept live versions where it can be (see {@link #live}), so answering a question costs no database read.
     */
    public Map<String, Entry> published(Collection<String> externalIds) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (String externalId : externalIds) {
            // One key at a time: Caffeine loads a single key atomically, so a refresh by live() that races with this
            // read always lands after it and wins; a bulk load could put an older version over a newer one.
            liveVersions.get(externalId, id -> Optional.ofNullable(read(List.of(id)).get(id)).map(LiveEntry::entry))
                    .ifPresent(entry -> found.put(externalId, entry));
        }
        return found;
    }

    /**
     * Like {@link #published}, with the time each entry last changed, always read from the database in one statement.
     * Every change reaches the index through here (this instance's own after commit, other instances' through the sync
     * notice or the periodic catch-up), and the kept live versions are refreshed with what was read, so
     * {@link #published} is exactly as current as search.
     */
    public Map<String, LiveEntry> live(Collection<String> externalIds) {
        Map<String, LiveEntry> found = read(externalIds);
        for (String externalId : externalIds) {
            LiveEntry live = found.get(externalId);
            liveVersions.put(externalId, live == null ? Optional.empty() : Optional.of(live.entry()));
        }
        return found;
    }

    /**
     * Drops the kept live version of an entry just written, when its transaction ends. After a commit that is before the
     * write's after-commit listeners run (a campaign proposed for a newly published policy), which must read the new
     * version before the index's own listener has refreshed it through {@link #live}. After a rollback it drops what a
     * read inside the transaction may have kept of a version that never was.
     */
    private void forget(String externalId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            liveVersions.invalidate(externalId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                liveVersions.invalidate(externalId);
            }

            @Override
            public void afterCompletion(int status) {
                liveVersions.invalidate(externalId);
            }
        });
    }

    private Map<String, LiveEntry> read(Collection<String> externalIds) {
        Map<String, LiveEntry> found = new LinkedHashMap<>();
        for (List<String> chunk : chunks(externalIds)) {
            jdbc.sql("""
                    select e.external_id, e.updated_at, v.content
                      from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.published_version
                     where e.external_id in (:ids)""")
                    .param("ids", chunk)
                    .query((ResultSet rs) -> {
                        found.put(rs.getString("external_id"), new LiveEntry(codec.read(rs.getString("content")),
                                rs.getObject("updated_at", OffsetDateTime.class)));
                    });
        }
        return found;
    }

    /** An entry's live content and when the entry last changed. */
    public record LiveEntry(Entry entry, OffsetDateTime updatedAt) {}

    /** Streams every live entry to {@code sink}, in id order, without holding them all in memory. */
    public void forEachPublished(Consumer<Entry> sink) {
        jdbc.sql("""
                select v.content
                  from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.published_version
                 order by e.id""")
                .query((ResultSet rs) -> {
                    sink.accept(codec.read(rs.getString("content")));
                });
    }

    /** Streams the latest version of every entry that is not archived, in id order. */
    public void forEachCurrent(Consumer<StoredEntry> sink) {
        jdbc.sql("select " + ENTRY_COLUMNS + """
                         from kb_entry e join kb_entry_version v on v.entry_id = e.id and v.version = e.latest_version
                        where e.status <> 'ARCHIVED'
                        order by e.id""")
                .query((ResultSet rs) -> {
                    sink.accept(storedEntry(rs, 0));
                });
    }

    /** External ids of entries changed after {@code since}, with the newest change time among them. */
    public Changes changedSince(OffsetDateTime since) {
        Map<String, OffsetDateTime> updated = new LinkedHashMap<>();
        OffsetDateTime[] newest = {since};
        jdbc.sql("select external_id, updated_at from kb_entry where updated_at > :since")
                .param("since", since)
                .query((ResultSet rs) -> {
                    OffsetDateTime changed = rs.getObject("updated_at", OffsetDateTime.class);
                    updated.put(rs.getString("external_id"), changed);
                    if (changed.isAfter(newest[0])) {
                        newest[0] = changed;
                    }
                });
        return new Changes(updated, newest[0]);
    }

    /** What changed since a point in time (each entry with its change time), and the newest change seen. */
    public record Changes(Map<String, OffsetDateTime> updated, OffsetDateTime newest) {

        public Collection<String> externalIds() {
            return updated.keySet();
        }
    }

    /**
     * A mark that changes with every write to the entries. The newest change time alone could miss a write that
     * commits after a later one was seen, so the number of entries and the sums of their versions and publications
     * are part of it.
     */
    public String changeMark() {
        return jdbc.sql("""
                        select count(*) as entries, max(updated_at) as newest, sum(latest_version) as versions,
                               sum(coalesce(published_version, 0)) as published,
                               sum(case when status = 'PUBLISHED' then 1 else 0 end) as live
                        from kb_entry""")
                .query((rs, row) -> rs.getLong("entries") + "/" + rs.getObject("newest", OffsetDateTime.class) + "/"
                        + rs.getLong("versions") + "/" + rs.getLong("published") + "/" + rs.getLong("live"))
                .single();
    }

    public long count() {
        return jdbc.sql("select count(*) from kb_entry").query(Long.class).single();
    }

    private StoredEntry storedEntry(ResultSet rs, int row) throws SQLException {
        int published = rs.getInt("published_version");
        Integer publishedVersion = rs.wasNull() ? null : published;
        return new StoredEntry(
                rs.getLong("id"),
                codec.read(rs.getString("content")),
                EntryStatus.valueOf(rs.getString("status")),
                rs.getInt("latest_version"),
                publishedVersion,
                rs.getString("author"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }
}
