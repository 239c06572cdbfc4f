package cn.zhice.kb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import cn.zhice.testsupport.TestApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge-base HTTP contract, exercised through the running application (Jetty, security, database, Lucene,
 * Redis). Subclasses run it against H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KnowledgeBaseApiContract {

    static final String ADMIN_PASSWORD = "bootstrap-admin-secret";
    static final String STAFF_PASSWORD = "correct-horse-battery";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeBase knowledgeBase;

    Api anonymous;
    Api admin;
    Api editor;
    Api reviewer;
    Api otherReviewer;

    static void commonProperties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
    }

    @BeforeAll
    void staff() {
        anonymous = Api.at(port);
        admin = anonymous.as("admin", ADMIN_PASSWORD);
        for (var user : List.of(List.of("editor1", "EDITOR"), List.of("reviewer1", "REVIEWER"), List.of("reviewer2", "REVIEWER"))) {
            Reply created = admin.postJson("/api/admin/users",
                    Map.of("username", user.get(0), "password", STAFF_PASSWORD, "roles", List.of(user.get(1))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        editor = anonymous.as("editor1", STAFF_PASSWORD);
        reviewer = anonymous.as("reviewer1", STAFF_PASSWORD);
        otherReviewer = anonymous.as("reviewer2", STAFF_PASSWORD);
    }

    // ---- public search -------------------------------------------------------------------------------------

    @Test
    void answersTheReadmeSearchWithRawUtf8InTheQueryString() throws IOException {
        // Exactly what `curl 'localhost:8080/api/kb/search?q=高新技术企业怎么认定'` sends: unencoded UTF-8 bytes.
        String response = rawGet("/api/kb/search?q=高新技术企业怎么认定");
        assertThat(response).startsWith("HTTP/1.1 200");
        JsonNode hits = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(hits.size()).isBetween(1, 5);
        assertThat(hits.get(0).get("title").asString()).contains("高新技术企业");
        assertThat(hits.get(0).propertyNames()).containsExactlyInAnyOrder("externalId", "kind", "title", "score", "snippet");
    }

    @Test
    void searchFiltersByKindAndHonoursLimit() {
        JsonNode hits = anonymous.search("营业执照", "limit=3&kind=FAQ").json();
        assertThat(hits.size()).isBetween(1, 3);
        hits.forEach(hit -> assertThat(hit.get("kind").asString()).isEqualTo("FAQ"));
    }

    @Test
    void rejectsSearchWithoutQueryOrWithBadLimitAsProblemDetail() {
        Reply missing = anonymous.get("/api/kb/search");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).contains("application/problem+json");
        Reply badLimit = anonymous.search("社保", "limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").toString()).contains("limit");
        assertThat(anonymous.search("社保", "limit=51").status()).isEqualTo(400);
        assertThat(anonymous.search("社保", "kind=NEWS").status()).isEqualTo(400);
    }

    // ---- security ------------------------------------------------------------------------------------------

    @Test
    void adminApiNeedsCredentialsAndTheRightRole() {
        Reply unauthenticated = anonymous.get("/api/admin/kb/entries");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).contains("application/problem+json");
        assertThat(anonymous.as("editor1", "wrong-password-123").get("/api/admin/kb/entries").status()).isEqualTo(401);
        assertThat(editor.get("/api/admin/kb/entries").status()).isEqualTo(200);
        assertThat(editor.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(editor.postJson("/api/admin/kb/entries/QH-FAQ-001/publish", Map.of()).status()).isEqualTo(403);
        assertThat(reviewer.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void usersAreListedWithoutPasswordHashesAndWeakPasswordsAreRefused() {
        JsonNode users = admin.get("/api/admin/users").json();
        assertThat(users.toString()).contains("editor1").doesNotContain("password").doesNotContain(STAFF_PASSWORD);
        Reply weak = admin.postJson("/api/admin/users", Map.of("username", "shorty", "password", "short", "roles", List.of("EDITOR")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("detail").asString()).contains("12");
        Reply duplicate = admin.postJson("/api/admin/users",
                Map.of("username", "editor1", "password", STAFF_PASSWORD + "x", "roles", List.of("EDITOR")));
        assertThat(duplicate.status()).isEqualTo(409);
        Reply noRoles = admin.postJson("/api/admin/users", Map.of("username", "noroles", "password", STAFF_PASSWORD, "roles", List.of()));
        assertThat(noRoles.status()).isEqualTo(400);
        Reply badRole = admin.postJson("/api/admin/users", "{\"username\":\"x1x\",\"password\":\"" + STAFF_PASSWORD + "\",\"roles\":[\"ROOT\"]}");
        assertThat(badRole.status()).isEqualTo(400);
    }

    // ---- workflow ------------------------------------------------------------------------------------------

    @Test
    void publishedChangeIsSearchableAtOnceAndDraftsStayInvisible() {
        String id = newId();
        String word = "星河湾" + id.substring(id.length() - 4);
        Reply created = editor.postJson("/api/admin/kb/entries", entry(id, "FAQ", word + "停车证怎么办理"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(ids(anonymous.search(word + "停车证", null))).doesNotContain(id);

        assertThat(editor.postJson("/api/admin/kb/entries/" + id + "/submit", Map.of("comment", "请审核")).status()).isEqualTo(200);
        Reply published = reviewer.postJson("/api/admin/kb/entries/" + id + "/publish", Map.of("comment", "同意"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(ids(anonymous.search(word + "停车证", null))).first().isEqualTo(id);

        // An edit of a published entry is a draft: search keeps showing the published text until it is published.
        Reply edited = editor.putJson("/api/admin/kb/entries/" + id, entry(id, "FAQ", word + "临时停车证怎么办理"));
        assertThat(edited.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.json().get("publishedVersion").asInt()).isEqualTo(3);
        JsonNode hit = anonymous.search(word + "停车证", null).json().get(0);
        assertThat(hit.get("title").asString()).isEqualTo(word + "停车证怎么办理");

        JsonNode history = editor.get("/api/admin/kb/entries/" + id + "/versions").json();
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(history.get(1).get("author").asString()).isEqualTo("reviewer1");
        assertThat(history.get(1).get("comment").asString()).isEqualTo("同意");
        assertThat(history.get(3).get("author").asString()).isEqualTo("editor1");

        assertThat(editor.delete("/api/admin/kb/entries/" + id).status()).isEqualTo(403);
        Reply archived = reviewer.delete("/api/admin/kb/entries/" + id);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(ids(anonymous.search(word + "停车证", null))).doesNotContain(id);
        assertThat(editor.get("/api/admin/kb/entries/" + id + "/versions").json().size()).isEqualTo(5);
    }

    @Test
    void reviewerCannotPublishOwnSubmissionAndRejectionNeedsAReason() {
        String id = newId();
        assertThat(reviewer.postJson("/api/admin/kb/entries", entry(id, "FAQ", "四眼原则测试")).status()).isEqualTo(201);
        assertThat(reviewer.postJson("/api/admin/kb/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        Reply own = reviewer.postJson("/api/admin/kb/entries/" + id + "/publish", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asString()).contains("不能审核自己提交的内容");
        assertThat(otherReviewer.postJson("/api/admin/kb/entries/" + id + "/reject", Map.of()).status()).isEqualTo(400);
        Reply rejected = otherReviewer.postJson("/api/admin/kb/entries/" + id + "/reject", Map.of("comment", "答案不完整"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(otherReviewer.postJson("/api/admin/kb/entries/" + id + "/publish", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void invalidEntriesAndUnknownIdsGetProblemDetails() {
        Map<String, Object> bad = entry(newId(), "POLICY", "");
        bad.put("category", "其他");
        Reply invalid = editor.postJson("/api/admin/kb/entries", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").toString()).contains("title").contains("category");
        Reply typo = editor.postJson("/api/admin/kb/entries", "{\"externalId\":\"X-1\",\"kind\":\"FAQ\",\"titel\":\"t\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.contentType()).contains("application/problem+json");
        assertThat(editor.get("/api/admin/kb/entries/NO-SUCH-ID").status()).isEqualTo(404);
        String id = newId();
        editor.postJson("/api/admin/kb/entries", entry(id, "FAQ", "重复编号"));
        assertThat(editor.postJson("/api/admin/kb/entries", entry(id, "FAQ", "重复编号")).status()).isEqualTo(409);
    }

    @Test
    void expiredPublishedEntriesAreNotSearchable() {
        String id = newId();
        String word = "旧城改造专项" + id.substring(id.length() - 4);
        Map<String, Object> expired = entry(id, "POLICY", word + "补贴");
        expired.put("category", "财政");
        expired.put("validFrom", "2020-01-01");
        expired.put("validTo", "2021-12-31");
        expired.put("status", "PUBLISHED");
        Reply imported = reviewer.post("/api/admin/kb/import", "application/x-ndjson", ndjson(List.of(expired)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(ids(anonymous.search(word + "补贴", null))).doesNotContain(id);
    }

    // ---- import / export -----------------------------------------------------------------------------------

    @Test
    void importIsAllOrNothingWithLineNumberedErrors() {
        long before = editor.get("/api/admin/kb/entries?size=1").json().get("total").asLong();
        String good = JSON.writeValueAsString(entry(newId(), "FAQ", "好的一行"));
        String body = good + "\n"
                + "{\"externalId\":\"BAD-1\",\"kind\":\"FAQ\",\"titel\":\"拼错字段\",\"answer\":\"a\"}\n"
                + "\n"
                + "{not json}\n"
                + "{\"externalId\":\"BAD-2\",\"kind\":\"FAQ\",\"title\":\"日期\",\"answer\":\"a\",\"validFrom\":\"2024-13-01\"}\n";
        Reply rejected = editor.post("/api/admin/kb/import", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).contains("application/problem+json");
        JsonNode errors = rejected.json().get("errors");
        List<Integer> lines = new ArrayList<>();
        errors.forEach(error -> lines.add(error.get("line").asInt()));
        assertThat(lines).containsExactly(2, 4, 5);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("titel");
        assertThat(errors.get(0).get("message").asString()).contains("title");
        assertThat(errors.get(2).get("field").asString()).isEqualTo("validFrom");
        assertThat(editor.get("/api/admin/kb/entries?size=1").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void reimportUpdatesChangedEntriesAndLeavesIdenticalOnesAlone() {
        String a = newId();
        String b = newId();
        List<Map<String, Object>> lines = List.of(entry(a, "FAQ", "导入测试甲"), entry(b, "FAQ", "导入测试乙"));
        JsonNode first = editor.post("/api/admin/kb/import", "application/x-ndjson", ndjson(lines)).json();
        assertThat(first.get("imported").asInt()).isEqualTo(2);
        assertThat(first.get("updated").asInt()).isZero();
        JsonNode again = editor.post("/api/admin/kb/import", "application/x-ndjson", ndjson(lines)).json();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        lines.get(1).put("answer", "新的答案");
        JsonNode changed = editor.post("/api/admin/kb/import", "application/x-ndjson", ndjson(lines)).json();
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(editor.get("/api/admin/kb/entries/" + b + "/versions").json().size()).isEqualTo(2);
    }

    @Test
    void editorsCannotImportStraightToPublished() {
        Map<String, Object> line = entry(newId(), "FAQ", "越权发布");
        line.put("status", "PUBLISHED");
        Reply refused = editor.post("/api/admin/kb/import", "application/x-ndjson", ndjson(List.of(line)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void exportRoundTripsThroughImport() {
        Reply export = editor.get("/api/admin/kb/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).contains("application/x-ndjson");
        String[] lines = export.body().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(150);
        assertThat(export.body()).contains("\"eligibility\":{");
        JsonNode result = reviewer.post("/api/admin/kb/import", "application/x-ndjson",
                export.body().getBytes(StandardCharsets.UTF_8)).json();
        assertThat(result.get("imported").asInt()).isZero();
        assertThat(result.get("updated").asInt()).isZero();
        assertThat(result.get("unchanged").asInt()).isEqualTo(lines.length);
    }

    @Test
    void refusesImportsOverTenMegabytesBeforeReadingThem() throws IOException {
        // The declared length alone decides: the server answers 413 without waiting for the 10 MB.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString(("editor1:" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/kb/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + (10 * 1024 * 1024 + 1)
                    + "\r\n\r\n{}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.setSoTimeout(10_000);
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void importsExcelWithTheSameColumns() throws IOException {
        String id = newId();
        byte[] xlsx = workbook(List.of(
                List.of("externalId", "kind", "title", "answer", "keywords", "category"),
                List.of(id, "FAQ", "表格导入的问题", "表格导入的答案", "表格\n导入", "其他")));
        byte[] multipart = multipart("file", "kb.xlsx", xlsx);
        Reply imported = editor.post("/api/admin/kb/import", "multipart/form-data; boundary=zhice-boundary", multipart);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        JsonNode stored = editor.get("/api/admin/kb/entries/" + id).json();
        assertThat(stored.get("entry").get("keywords").toString()).isEqualTo("[\"表格\",\"导入\"]");

        byte[] bad = workbook(List.of(List.of("externalId", "kind", "title"), List.of("E-1", "NOPE", "x")));
        Reply rejected = editor.post("/api/admin/kb/import", "multipart/form-data; boundary=zhice-boundary",
                multipart("file", "bad.xlsx", bad));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    // ---- vocabulary ----------------------------------------------------------------------------------------

    @Test
    void newSynonymsApplyToSearchWithoutRestart() {
        String id = newId();
        String tail = id.substring(id.length() - 4);
        Map<String, Object> line = entry(id, "FAQ", "城市更新改造项目" + tail + "申报");
        line.put("status", "PUBLISHED");
        reviewer.post("/api/admin/kb/import", "application/x-ndjson", ndjson(List.of(line)));
        String slang = "旧改";
        assertThat(ids(anonymous.search(slang, "limit=50"))).doesNotContain(id);
        Reply added = editor.postJson("/api/admin/kb/synonyms", Map.of("terms", List.of(slang, "城市更新改造项目")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(ids(anonymous.search(slang, "limit=50"))).contains(id);
        assertThat(editor.postJson("/api/admin/kb/synonyms", Map.of("terms", List.of("只有一个"))).status()).isEqualTo(400);
        assertThat(editor.delete("/api/admin/kb/synonyms/" + added.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(ids(anonymous.search(slang, "limit=50"))).doesNotContain(id);
    }

    @Test
    void revisionChangesWithEveryPublicationWithdrawalAndSynonymEditButNotWithReads() {
        String id = newId();
        String before = knowledgeBase.revision();
        anonymous.search("停车证怎么办理", null);
        assertThat(knowledgeBase.revision()).isEqualTo(before);

        assertThat(editor.postJson("/api/admin/kb/entries", entry(id, "FAQ", "修订标记测试" + id)).status()).isEqualTo(201);
        String drafted = knowledgeBase.revision();
        assertThat(drafted).isNotEqualTo(before);
        editor.postJson("/api/admin/kb/entries/" + id + "/submit", Map.of("comment", "请审核"));
        reviewer.postJson("/api/admin/kb/entries/" + id + "/publish", Map.of("comment", "同意"));
        String published = knowledgeBase.revision();
        assertThat(published).isNotEqualTo(drafted);

        assertThat(reviewer.delete("/api/admin/kb/entries/" + id).status()).isEqualTo(200);
        String archived = knowledgeBase.revision();
        assertThat(archived).isNotEqualTo(published);

        Reply synonym = editor.postJson("/api/admin/kb/synonyms", Map.of("terms", List.of("修订甲" + id, "修订乙" + id)));
        assertThat(synonym.status()).as(synonym.body()).isEqualTo(201);
        String withSynonym = knowledgeBase.revision();
        assertThat(withSynonym).isNotEqualTo(archived);
        assertThat(editor.delete("/api/admin/kb/synonyms/" + synonym.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(knowledgeBase.revision()).isNotEqualTo(withSynonym);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static String newId() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> entry(String id, String kind, String title) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("externalId", id);
        entry.put("kind", kind);
        entry.put("title", title);
        entry.put("category", "POLICY".equals(kind) ? "人才" : "其他");
        entry.put("answer", "请到区政务服务中心办理。");
        return entry;
    }

    static byte[] ndjson(List<Map<String, Object>> lines) {
        StringBuilder body = new StringBuilder();
        lines.forEach(line -> body.append(JSON.writeValueAsString(line)).append('\n'));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> ids(Reply search) {
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        search.json().forEach(hit -> ids.add(hit.get("externalId").asString()));
        return ids;
    }

    String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (response.contains("Transfer-Encoding: chunked")) {
                String head = response.substring(0, response.indexOf("\r\n\r\n") + 4);
                return head + dechunk(response.substring(head.length()));
            }
            return response;
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (i < bytes.length) {
            int lineEnd = indexOf(bytes, i);
            int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        body.append(out.toString(StandardCharsets.UTF_8));
        return body.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("kb");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static byte[] multipart(String field, String filename, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--zhice-boundary\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n--zhice-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
