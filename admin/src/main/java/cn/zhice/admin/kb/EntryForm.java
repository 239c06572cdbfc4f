package cn.zhice.admin.kb;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every field of an entry as the console's editor shows it: lists one item per line, an office or contact as
 * 「名称 | 地址 | 办公时间 | 电话」 / 「名称 | 电话」, and a policy's eligibility rule tree as JSON (the format of
 * {@code docs/kb-format.md}). Only the publication date comes from the current version.
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
    String region;
    String audiences;
    String offices;
    String onlineUrl;
    String platform;
    String steps;
    String materials;
    String conditions;
    String timeLimit;
    String fee;
    String contacts;
    String eligibility;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIELD_SEPARATOR = "\\s*[|｜]\\s*";

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
        form.region = e.region();
        form.audiences = String.join("，", e.audiences());
        if (e.where() != null) {
            form.offices = String.join("\n", e.where().offices().stream()
                    .map(o -> joinFields(o.name(), o.address(), o.hours(), o.phone())).toList());
            form.onlineUrl = e.where().onlineUrl();
            form.platform = e.where().platform();
        }
        if (e.how() != null) {
            form.steps = String.join("\n", e.how().steps());
            form.materials = String.join("\n", e.how().materials());
            form.conditions = e.how().conditions();
            form.timeLimit = e.how().timeLimit();
            form.fee = e.how().fee();
        }
        form.contacts = String.join("\n", e.contacts().stream().map(c -> joinFields(c.name(), c.phone())).toList());
        form.eligibility = e.eligibility() == null || e.eligibility().isNull() ? null
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.eligibility());
        return form;
    }

    private static String joinFields(String... fields) {
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            parts.add(field == null ? "" : field);
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return String.join(" | ", parts);
    }

    /** The entry this form describes; only the publication date comes from {@code base} (null for a new entry). */
    Entry toEntry(Entry base) {
        List<Entry.Office> officeList = split(offices, "\\n").stream().map(line -> {
            String[] f = fields(line, 4);
            return new Entry.Office(f[0], f[1], f[2], f[3]);
        }).toList();
        Entry.Where where = officeList.isEmpty() && trim(onlineUrl) == null && trim(platform) == null ? null
                : new Entry.Where(officeList, trim(onlineUrl), trim(platform));
        List<String> stepList = split(steps, "\\n");
        List<String> materialList = split(materials, "\\n");
        Entry.How how = stepList.isEmpty() && materialList.isEmpty() && trim(conditions) == null && trim(timeLimit) == null
                && trim(fee) == null ? null : new Entry.How(stepList, materialList, trim(conditions), trim(timeLimit), trim(fee));
        List<Entry.Contact> contactList = split(contacts, "\\n").stream().map(line -> {
            String[] f = fields(line, 2);
            return new Entry.Contact(f[0], f[1]);
        }).toList();
        return new Entry(trim(externalId), kind, trim(title), trim(summary), trim(body), trim(category),
                trim(department), trim(region), trim(documentNumber),
                base == null ? null : base.publishedOn(), date(validFrom), date(validTo),
                where, how, contactList, split(audiences, "[,，、\\n]"),
                split(keywords, "[,，、\\n]"), split(questions, "\\n"), trim(answer), trim(sourceUrl),
                rules());
    }

    /** A line of 「a | b | c」 as exactly {@code count} fields, blanks as null, extra separators kept in the last one. */
    private static String[] fields(String line, int count) {
        String[] parts = line.split(FIELD_SEPARATOR, count);
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = i < parts.length ? trim(parts[i]) : null;
        }
        return fields;
    }

    private JsonNode rules() {
        if (trim(eligibility) == null) {
            return null;
        }
        try {
            return JSON.readTree(eligibility);
        } catch (JacksonException e) {
            return null;
        }
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

    /** What the form cannot turn into an entry: unreadable dates or eligibility rules that are not JSON. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(java.util.stream.Stream.of(validFrom, validTo)
                .filter(t -> t != null && !t.isBlank() && date(t) == null)
                .map(t -> "日期格式应为 YYYY-MM-DD，收到 " + t)
                .toList());
        if (trim(eligibility) != null) {
            try {
                if (!JSON.readTree(eligibility).isObject()) {
                    problems.add("申报条件规则应为 JSON 对象，如 {\"all\": [...]}");
                }
            } catch (JacksonException e) {
                problems.add("申报条件规则不是有效的 JSON：" + e.getOriginalMessage());
            }
        }
        return problems;
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
    public String getRegion() { return region; }
    public void setRegion(String v) { region = v; }
    public String getAudiences() { return audiences; }
    public void setAudiences(String v) { audiences = v; }
    public String getOffices() { return offices; }
    public void setOffices(String v) { offices = v; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String v) { onlineUrl = v; }
    public String getPlatform() { return platform; }
    public void setPlatform(String v) { platform = v; }
    public String getSteps() { return steps; }
    public void setSteps(String v) { steps = v; }
    public String getMaterials() { return materials; }
    public void setMaterials(String v) { materials = v; }
    public String getConditions() { return conditions; }
    public void setConditions(String v) { conditions = v; }
    public String getTimeLimit() { return timeLimit; }
    public void setTimeLimit(String v) { timeLimit = v; }
    public String getFee() { return fee; }
    public void setFee(String v) { fee = v; }
    public String getContacts() { return contacts; }
    public void setContacts(String v) { contacts = v; }
    public String getEligibility() { return eligibility; }
    public void setEligibility(String v) { eligibility = v; }
}
