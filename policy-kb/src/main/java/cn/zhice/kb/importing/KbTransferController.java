package cn.zhice.kb.importing;

import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.KbProperties;
import cn.zhice.kb.store.EntryCodec;
import cn.zhice.kb.store.EntryStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.node.ObjectNode;

/** Bulk import (JSON Lines body or an uploaded .jsonl/.xlsx file) and JSON Lines export of the knowledge base. */
@RestController
@RequestMapping("/api/admin/kb")
class KbTransferController {

    static final String NDJSON = "application/x-ndjson";

    private final ImportParser parser;
    private final KbImport kbImport;
    private final EntryStore store;
    private final EntryCodec codec;
    private final KbProperties properties;
    private final Clock clock;

    KbTransferController(ImportParser parser, KbImport kbImport, EntryStore store, EntryCodec codec,
            KbProperties properties, Clock clock) {
        this.parser = parser;
        this.kbImport = kbImport;
        this.store = store;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/import", consumes = {NDJSON, "application/jsonl", "application/json-lines"})
    ImportResult importJsonLines(HttpServletRequest request, Principal user) throws IOException {
        return kbImport.run(parser.jsonLines(limited(request)), user.getName(), mayPublish(request));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@RequestParam("file") MultipartFile file, HttpServletRequest request, Principal user)
            throws IOException {
        if (file.getSize() > properties.importMaxSize().toBytes()) {
            throw new ImportTooLarge(properties.importMaxSize());
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            ParsedImport parsed = name.endsWith(".xlsx") ? parser.xlsx(in) : parser.jsonLines(in);
            return kbImport.run(parsed, user.getName(), mayPublish(request));
        }
    }

    /** The current version of every entry that is not archived, one JSON object per line. */
    @GetMapping(path = "/export", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = (OutputStream out) -> store.forEachCurrent(stored -> {
            ObjectNode line = codec.tree(stored.content());
            line.put("status", stored.status() == EntryStatus.PUBLISHED ? "PUBLISHED" : "DRAFT");
            try {
                out.write(codec.mapper().writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"zhice-kb-" + LocalDate.now(clock) + ".jsonl\"")
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .body(body);
    }

    /** Reads the body, refusing (413) anything over the limit before it is all in memory. */
    private InputStream limited(HttpServletRequest request) throws IOException {
        long max = properties.importMaxSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new ImportTooLarge(properties.importMaxSize());
        }
        byte[] body = request.getInputStream().readNBytes((int) max + 1);
        if (body.length > max) {
            throw new ImportTooLarge(properties.importMaxSize());
        }
        return new ByteArrayInputStream(body);
    }

    /** Publishing on import is a reviewer's decision, as in the workflow. */
    private static boolean mayPublish(HttpServletRequest request) {
        return request.isUserInRole("REVIEWER");
    }
}
