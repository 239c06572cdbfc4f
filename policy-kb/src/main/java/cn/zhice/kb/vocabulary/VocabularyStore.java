package cn.zhice.kb.vocabulary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Synonym groups and domain terms in the database, where staff edit them. */
@Repository
public class VocabularyStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public VocabularyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Vocabulary load() {
        return new Vocabulary(
                synonyms().stream().map(SynonymGroup::terms).toList(),
                terms().stream().map(DomainTerm::term).toList());
    }

    public List<SynonymGroup> synonyms() {
        return jdbc.sql("select id, terms, updated_by, updated_at from kb_synonym order by id")
                .query((rs, n) -> new SynonymGroup(
                        rs.getLong("id"),
                        Arrays.asList(rs.getString("terms").split(",")),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    /** A mark that changes with every write to the synonym groups (added, edited or deleted). */
    public String synonymsChangeMark() {
        return jdbc.sql("select count(*) as groups_, max(updated_at) as newest, sum(id) as ids from kb_synonym")
                .query((rs, row) -> rs.getLong("groups_") + "/" + rs.getObject("newest", OffsetDateTime.class) + "/"
                        + rs.getLong("ids"))
                .single();
    }

    public Optional<SynonymGroup> synonym(long id) {
        return synonyms().stream().filter(group -> group.id() == id).findFirst();
    }

    public long addSynonym(List<String> terms, String author) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into kb_synonym (terms, updated_by, updated_at) values (:terms, :author, :now)")
                .param("terms", String.join(",", terms))
                .param("author", author)
                .param("now", now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean updateSynonym(long id, List<String> terms, String author) {
        return jdbc.sql("update kb_synonym set terms = :terms, updated_by = :author, updated_at = :now where id = :id")
                .param("terms", String.join(",", terms))
                .param("author", author)
                .param("now", now())
                .param("id", id)
                .update() == 1;
    }

    public boolean deleteSynonym(long id) {
        return jdbc.sql("delete from kb_synonym where id = :id").param("id", id).update() == 1;
    }

    public List<DomainTerm> terms() {
        return jdbc.sql("select id, term, updated_by, updated_at from kb_term order by term")
                .query((rs, n) -> new DomainTerm(
                        rs.getLong("id"),
                        rs.getString("term"),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }

    public boolean hasTerm(String term) {
        return jdbc.sql("select count(*) from kb_term where term = :term").param("term", term)
                .query(Long.class).single() > 0;
    }

    public long addTerm(String term, String author) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into kb_term (term, updated_by, updated_at) values (:term, :author, :now)")
                .param("term", term)
                .param("author", author)
                .param("now", now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean deleteTerm(long id) {
        return jdbc.sql("delete from kb_term where id = :id").param("id", id).update() == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A group of interchangeable terms. */
    public record SynonymGroup(long id, List<String> terms, String updatedBy, OffsetDateTime updatedAt) {}

    /** A term search keeps whole. */
    public record DomainTerm(long id, String term, String updatedBy, OffsetDateTime updatedAt) {}
}
