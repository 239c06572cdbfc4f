package cn.zhice.kb.importing;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.KbCuration;
import cn.zhice.kb.KbProperties;
import cn.zhice.kb.curation.Curation;
import cn.zhice.kb.store.EntryCodec;
import cn.zhice.kb.store.EntryFilter;
import cn.zhice.kb.store.EntryStore;
import cn.zhice.kb.store.StoredEntry;
import cn.zhice.kb.vocabulary.VocabularyChanged;
import cn.zhice.kb.vocabulary.VocabularyStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link KbCuration} over the services the admin REST API uses, so the console and the API share every rule. It lives
 * beside {@link KbImport} because import is the one step whose entry point is package-private.
 */
@Service
class ConsoleCuration implements KbCuration {

    private final Curation curation;
    private final EntryStore store;
    private final ImportParser parser;
    private final KbImport kbImport;
    private final EntryCodec codec;
    private final VocabularyStore vocabulary;
    private final ApplicationEventPublisher events;
    private final KbProperties properties;

    ConsoleCuration(Curation curation, EntryStore store, ImportParser parser, KbImport kbImport, EntryCodec codec,
            VocabularyStore vocabulary, ApplicationEventPublisher events, KbProperties properties) {
        this.curation = curation;
        this.store = store;
        this.parser = parser;
        this.kbImport = kbImport;
        this.codec = codec;
        this.vocabulary = vocabulary;
        this.events = events;
        this.properties = properties;
    }

    @Override
    public Page list(EntryKind kind, String category, EntryStatus status, String text, int page, int size) {
        EntryFilter filter = new EntryFilter(kind, blankToNull(category), status, blankToNull(text));
        List<Curated> items = store.list(filter, page * size, size).stream().map(ConsoleCuration::curated).toList();
        return new Page(items, store.count(filter), page, size);
    }

    @Override
    public Optional<Curated> find(String externalId) {
        return store.find(externalId).map(ConsoleCuration::curated);
    }

    @Override
    public List<Version> versions(String externalId) {
        return store.history(externalId).stream()
                .map(v -> new Version(v.version(), v.status(), v.author(), v.comment(), v.createdAt(), v.content()))
                .toList();
    }

    @Override
    public Curated create(Entry entry, String author) {
        return curated(curation.create(entry, author));
    }

    @Override
    public Curated update(String externalId, Entry entry, String author, String comment) {
        return curated(curation.update(externalId, entry, author, comment));
    }

    @Override
    public Curated submit(String externalId, String author, String comment) {
        return curated(curation.submit(externalId, author, comment));
    }

    @Override
    public Curated publish(String externalId, String reviewer, String comment) {
        return curated(curation.publish(externalId, reviewer, comment));
    }

    @Override
    public Curated reject(String externalId, String reviewer, String comment) {
        return curated(curation.reject(externalId, reviewer, comment));
    }

    @Override
    public Curated archive(String externalId, String reviewer, String comment) {
        return curated(curation.archive(externalId, reviewer, comment));
    }

    @Override
    public ImportReport importFile(String fileName, InputStream content, String author, boolean mayPublish) {
        byte[] bytes;
        try {
            long max = properties.importMaxSize().toBytes();
            bytes = content.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new ImportTooLarge(properties.importMaxSize());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        ParsedImport parsed = name.endsWith(".xlsx")
                ? parser.xlsx(new ByteArrayInputStream(bytes))
                : parser.jsonLines(new ByteArrayInputStream(bytes));
        try {
            ImportResult result = kbImport.run(parsed, author, mayPublish);
            return new ImportReport(result.imported(), result.updated(), result.unchanged(), List.of());
        } catch (ImportRejected rejected) {
            return new ImportReport(0, 0, 0, rowErrors(rejected));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<RowError> rowErrors(ImportRejected rejected) {
        var properties = rejected.getBody().getProperties();
        List<ImportError> errors = properties == null ? List.of() : (List<ImportError>) properties.get("errors");
        return errors.stream().map(e -> new RowError(e.line(), e.field(), e.message())).toList();
    }

    @Override
    public void exportJsonLines(OutputStream out) {
        store.forEachCurrent(stored -> {
            try {
                out.write(codec.mapper().writeValueAsBytes(exportLine(stored)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void exportWorkbook(OutputStream out) {
        List<ObjectNode> lines = new ArrayList<>();
        store.forEachCurrent(stored -> lines.add(exportLine(stored)));
        ExportWorkbook.write(lines, codec.mapper(), out);
    }

    /** One entry as the exports write it: its current content in the import format, with the status to import it in. */
    private ObjectNode exportLine(StoredEntry stored) {
        ObjectNode line = codec.tree(stored.content());
        line.put("status", stored.status() == EntryStatus.PUBLISHED ? "PUBLISHED" : "DRAFT");
        return line;
    }

    @Override
    public String toJson(Entry entry) {
        return codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(entry);
    }

    @Override
    public Entry fromJson(String json) {
        try {
            return codec.read(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw invalid("JSON 格式有误：" + e.getOriginalMessage());
        }
    }

    @Override
    public List<Synonyms> synonyms() {
        return vocabulary.synonyms().stream()
                .map(g -> new Synonyms(g.id(), g.terms(), g.updatedBy(), g.updatedAt()))
                .toList();
    }

    @Override
    @Transactional
    public void addSynonyms(List<String> terms, String author) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(
                terms.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
        if (distinct.size() < 2 || distinct.size() > 20) {
            throw invalid("同义词组须有 2 到 20 个不同的词");
        }
        if (distinct.stream().anyMatch(t -> t.length() > 50 || t.contains(",") || t.contains("，"))) {
            throw invalid("每个词最长 50 个字符，且不能含逗号");
        }
        vocabulary.addSynonym(distinct, author);
        events.publishEvent(new VocabularyChanged());
    }

    @Override
    @Transactional
    public void deleteSynonyms(long id) {
        if (vocabulary.deleteSynonym(id)) {
            events.publishEvent(new VocabularyChanged());
        }
    }

    @Override
    public List<Term> terms() {
        return vocabulary.terms().stream().map(t -> new Term(t.id(), t.term(), t.updatedBy(), t.updatedAt())).toList();
    }

    @Override
    @Transactional
    public void addTerm(String term, String author) {
        String clean = term == null ? "" : term.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw invalid("词条不能为空，最长 100 个字符");
        }
        if (vocabulary.hasTerm(clean)) {
            throw invalid("词典中已有「" + clean + "」");
        }
        vocabulary.addTerm(clean, author);
        events.publishEvent(new VocabularyChanged());
    }

    @Override
    @Transactional
    public void deleteTerm(long id) {
        if (vocabulary.deleteTerm(id)) {
            events.publishEvent(new VocabularyChanged());
        }
    }

    private static Curated curated(StoredEntry e) {
        return new Curated(e.content(), e.status(), e.latestVersion(), e.publishedVersion(), e.author(), e.updatedAt());
    }

    /** A console request the rules refuse; the message is for staff, shown beside the form. */
    private static ErrorResponseException invalid(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Bad request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
