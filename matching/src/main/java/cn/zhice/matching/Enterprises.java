package cn.zhice.matching;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Enterprise profiles for the staff console: search and page through them, read one with what matching derives
 * from it (size class, 小微企业, 规上工业, age, tags in force), and import JSON Lines with a per-line error report.
 */
public interface Enterprises {

    /** A page of enterprises whose name or USCC contains {@code text} (blank: all), ordered by USCC. */
    Page search(String text, int page, int size);

    Optional<EnterpriseProfile> find(Uscc uscc);

    /** What matching derives from a stored profile today. */
    Optional<Derived> derived(Uscc uscc);

    /** Imports JSON Lines all-or-nothing; a report with errors means nothing was written. */
    ImportReport importJsonLines(InputStream content);

    record Page(List<EnterpriseProfile> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * @param size        the size class, or null when it cannot be decided
     * @param sizeNote    why the size is unknown or how it was decided, in Chinese
     * @param industryGroup the size standard's industry group, or null
     * @param ageYears    whole years since registration, or null
     * @param tags        tags in force, certified and derived (小微企业, 规上工业, …)
     * @param unknownTags derived tags that cannot be decided for lack of data
     */
    record Derived(SizeClass size, String sizeNote, String industryGroup, Integer ageYears, List<String> tags,
            List<String> unknownTags) {}

    record ImportReport(int imported, List<ImportRejected.LineError> errors) {
        public ImportReport {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }
}
