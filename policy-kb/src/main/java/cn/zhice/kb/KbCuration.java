package cn.zhice.kb;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The editorial side of the knowledge base for the staff console: the same workflow, validation, import and
 * vocabulary services as the admin REST API, behind module API types. Rule breaches (invalid content, a reviewer
 * publishing their own submission, a wrong status) throw {@link org.springframework.web.ErrorResponseException}
 * subclasses whose ProblemDetail carries the Chinese message and, for invalid content, the field errors.
 */
public interface KbCuration {

    /** One page of entries, newest change first; null filters do not filter, {@code text} matches id or title. */
    Page list(EntryKind kind, String category, EntryStatus status, String text, int page, int size);

    Optional<Curated> find(String externalId);

    /** Every version of an entry, oldest first; empty when there is no such entry. */
    List<Version> versions(String externalId);

    Curated create(Entry entry, String author);

    /** Saves new content as a draft version; a published version stays live until the draft is published. */
    Curated update(String externalId, Entry entry, String author, String comment);

    Curated submit(String externalId, String author, String comment);

    Curated publish(String externalId, String reviewer, String comment);

    Curated reject(String externalId, String reviewer, String comment);

    Curated archive(String externalId, String reviewer, String comment);

    /**
     * Imports a {@code .jsonl} or {@code .xlsx} file all-or-nothing; never throws for bad rows but reports them.
     *
     * @param mayPublish whether the importing user is a reviewer; rows asking for PUBLISHED are errors otherwise
     */
    ImportReport importFile(String fileName, InputStream content, String author, boolean mayPublish);

    /** Writes the current version of every entry that is not archived as JSON Lines (the import format). */
    void exportJsonLines(OutputStream out);

    /**
     * Writes the same entries as {@link #exportJsonLines} as an Excel workbook the {@code .xlsx} import reads back.
     *
     * @throws WorkbookCellTooLong when a field does not fit in a cell
     */
    void exportWorkbook(OutputStream out);

    /** An entry as JSON in the import format, and back; for the console's editor and diff. */
    String toJson(Entry entry);

    Entry fromJson(String json);

    List<Synonyms> synonyms();

    void addSynonyms(List<String> terms, String author);

    void deleteSynonyms(long id);

    List<Term> terms();

    void addTerm(String term, String author);

    void deleteTerm(long id);

    /** An entry with where it stands: the latest version's content and status and which version is live. */
    record Curated(Entry content, EntryStatus status, int version, Integer publishedVersion, String author,
            OffsetDateTime updatedAt) {
        public String externalId() {
            return content.externalId();
        }
    }

    record Page(List<Curated> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** One version in an entry's history. */
    record Version(int version, EntryStatus status, String author, String comment, OffsetDateTime createdAt,
            Entry content) {}

    /** What an import did, or (when {@code errors} is not empty) why nothing was written. */
    record ImportReport(int imported, int updated, int unchanged, List<RowError> errors) {
        public ImportReport {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** A problem with one line or row; {@code field} is null when the whole row is bad. */
    record RowError(int line, String field, String message) {}

    record Synonyms(long id, List<String> terms, String updatedBy, OffsetDateTime updatedAt) {}

    record Term(long id, String term, String updatedBy, OffsetDateTime updatedAt) {}
}
