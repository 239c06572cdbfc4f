package cn.zhice.admin.kb;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of an entry the console's editor shows. Everything else an entry can hold (offices, steps, contacts,
 * eligibility rules) is kept from the current version, so editing a title never loses data the form does not show.
 */
public class EntryForm {

    String externalId;
    EntryKind kind = EntryKind.FAQ;
    String title;
    String category = "其他";
    String summary;
    String body;
    String department;
    String documentNumber;
    String validFrom;
    String validTo;
    String keywords;
    String questions;
    String answer;
    String sourceUrl;
    String comment;

    static EntryForm of(Entry e) {
        EntryForm form = new EntryForm();
        form.externalId = e.externalId();
        form.kind = e.kind();
        form.title = e.title();
        form.category = e.category();
        form.summary = e.summary();
        form.body = e.body();
        form.department = e.department();
        form.documentNumber = e.documentNumber();
        form.validFrom = e.validFrom() == null ? null : e.validFrom().toString();
        form.validTo = e.validTo() == null ? null : e.validTo().toString();
        form.keywords = String.join("，", e.keywords());
        form.questions = String.join("\n", e.questions());
        form.answer = e.answer();
        form.sourceUrl = e.sourceUrl();
        return form;
    }

    /** The entry this form describes, on top of {@code base} (null for a new entry). */
    Entry toEntry(Entry base) {
        return new Entry(trim(externalId), kind, trim(title), trim(summary), trim(body), trim(category),
                trim(department), base == null ? null : base.region(), trim(documentNumber),
                base == null ? null : base.publishedOn(), date(validFrom), date(validTo),
                base == null ? null : base.where(), base == null ? null : base.how(),
                base == null ? null : base.contacts(), base == null ? null : base.audiences(),
                split(keywords, "[,，、\\n]"), split(questions, "\\n"), trim(answer), trim(sourceUrl),
                base == null ? null : base.eligibility());
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> split(String text, String separators) {
        return text == null ? List.of() : Arrays.stream(text.split(separators)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A date as typed; an unreadable one is left out here and reported by {@link #dateProblems()}. */
    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    List<String> dateProblems() {
        return java.util.stream.Stream.of(validFrom, validTo)
                .filter(t -> t != null && !t.isBlank() && date(t) == null)
                .map(t -> "日期格式应为 YYYY-MM-DD，收到 " + t)
                .toList();
    }

    public String getExternalId() { return externalId; }
    public void setExternalId(String v) { externalId = v; }
    public EntryKind getKind() { return kind; }
    public void setKind(EntryKind v) { kind = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getDepartment() { return department; }
    public void setDepartment(String v) { department = v; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String v) { documentNumber = v; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String v) { validFrom = v; }
    public String getValidTo() { return validTo; }
    public void setValidTo(String v) { validTo = v; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String v) { keywords = v; }
    public String getQuestions() { return questions; }
    public void setQuestions(String v) { questions = v; }
    public String getAnswer() { return answer; }
    public void setAnswer(String v) { answer = v; }
    public String getSourceUrl() { return sourceUrl; }
    public void setSourceUrl(String v) { sourceUrl = v; }
    public String getComment() { return comment; }
    public void setComment(String v) { comment = v; }
}
