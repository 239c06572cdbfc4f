package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The entry editor covers every field of an entry (a service guide's offices, steps, materials, time limit, fee and
 * phones; a policy's audiences and eligibility rules) and keeps them across edits; bad rules come back as Chinese form
 * errors with nothing saved; the knowledge base exports as an .xlsx workbook that the import reads back unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KbEditorIT {

    static final String ADMIN_PW = "editor-admin-secret";
    static final String PW = "staff-password-123";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, false);
        TestApplication.useH2(registry);
    }

    ConsoleClient editor;

    @BeforeEach
    void staff() throws Exception {
        Api admin = Api.at(port).as("admin", ADMIN_PW);
        admin.postJson("/api/admin/users", Map.of("username", "kbeditor", "password", PW, "roles", List.of("EDITOR")));
        admin.postJson("/api/admin/users", Map.of("username", "kbreviewer", "password", PW, "roles", List.of("REVIEWER")));
        editor = ConsoleClient.signedIn(port, "kbeditor", PW);
    }

    static Map<String, String> guide(String id, String title) {
        Map<String, String> form = new HashMap<>();
        form.put("externalId", id);
        form.put("kind", "SERVICE_GUIDE");
        form.put("category", "其他");
        form.put("title", title);
        form.put("summary", "个体工商户设立登记的办理指南。");
        form.put("offices", "青禾区政务服务中心 | 青禾大道88号 | 工作日 9:00-17:00 | 0591-12345678\n滨江市市民服务中心 | 滨江路1号");
        form.put("onlineUrl", "https://zwfw.example.gov.cn/gt");
        form.put("platform", "闽政通");
        form.put("steps", "网上申请\n窗口核验\n领取执照");
        form.put("materials", "身份证原件\n经营场所证明");
        form.put("timeLimit", "1个工作日");
        form.put("fee", "不收费");
        form.put("contacts", "区市场监管局登记科 | 0591-87654321");
        return form;
    }

    @Test
    void savesAndKeepsEveryServiceGuideFieldEditedInTheForm() throws Exception {
        HttpResponse<String> created = editor.post("/admin/kb/entries", "/admin/kb/new", guide("QH-SG-ED1", "个体工商户设立登记"));
        String page = editor.get("/admin/kb/entries/QH-SG-ED1").body();
        Map<String, String> edited = guide("QH-SG-ED1", "个体工商户设立登记（2026版）");
        edited.put("comment", "改标题");
        editor.post("/admin/kb/entries/QH-SG-ED1", "/admin/kb/entries/QH-SG-ED1", edited);
        JsonNode entry = Api.at(port).as("kbeditor", PW).get("/api/admin/kb/entries/QH-SG-ED1").json();
        JsonNode content = entry.get("entry");

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(page).contains("青禾区政务服务中心 | 青禾大道88号 | 工作日 9:00-17:00 | 0591-12345678")
                .contains("滨江市市民服务中心 | 滨江路1号").contains("区市场监管局登记科 | 0591-87654321");
        assertThat(content.get("title").asString()).isEqualTo("个体工商户设立登记（2026版）");
        JsonNode office = content.get("where").get("offices").get(0);
        assertThat(office.get("name").asString()).isEqualTo("青禾区政务服务中心");
        assertThat(office.get("hours").asString()).isEqualTo("工作日 9:00-17:00");
        assertThat(office.get("phone").asString()).isEqualTo("0591-12345678");
        assertThat(content.get("where").get("offices").get(1).has("phone")).isFalse();
        assertThat(content.get("where").get("onlineUrl").asString()).isEqualTo("https://zwfw.example.gov.cn/gt");
        assertThat(content.get("how").get("steps")).hasSize(3);
        assertThat(content.get("how").get("materials").get(1).asString()).isEqualTo("经营场所证明");
        assertThat(content.get("how").get("timeLimit").asString()).isEqualTo("1个工作日");
        assertThat(content.get("how").get("fee").asString()).isEqualTo("不收费");
        assertThat(content.get("contacts").get(0).get("phone").asString()).isEqualTo("0591-87654321");
    }

    @Test
    void showsBadEligibilityRulesAsFormErrorsAndSavesNothing() throws Exception {
        Map<String, String> notJson = new HashMap<>(Map.of("externalId", "QH-POL-ED1", "kind", "POLICY", "category", "人才",
                "title", "人才补贴", "eligibility", "{\"all\": [", "audiences", "中小企业，高新技术企业"));
        Map<String, String> badRule = new HashMap<>(notJson);
        badRule.put("eligibility", "{\"all\": [{\"field\": \"region\", \"op\": \"resembles\", \"value\": \"青禾区\"}]}");
        Map<String, String> good = new HashMap<>(notJson);
        good.put("eligibility", "{\"all\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"滨江市青禾区\", \"hard\": true}]}");

        String first = editor.post("/admin/kb/entries", "/admin/kb/new", notJson).body();
        String second = editor.post("/admin/kb/entries", "/admin/kb/new", badRule).body();
        int before = Api.at(port).as("kbeditor", PW).get("/api/admin/kb/entries/QH-POL-ED1").status();
        editor.post("/admin/kb/entries", "/admin/kb/new", good);
        JsonNode saved = Api.at(port).as("kbeditor", PW).get("/api/admin/kb/entries/QH-POL-ED1").json();
        JsonNode content = saved.get("entry");

        assertThat(first).contains("申报条件规则不是有效的 JSON").contains("{&quot;all&quot;: [");
        assertThat(second).contains("eligibility").contains("alert-danger");
        assertThat(before).isEqualTo(404);
        assertThat(content.get("eligibility").get("all").get(0).get("op").asString()).isEqualTo("eq");
        assertThat(content.get("audiences")).hasSize(2);
        assertThat(editor.get("/admin/kb/entries/QH-POL-ED1").body()).contains("&quot;op&quot; : &quot;eq&quot;");
    }

    @Test
    void exportsAWorkbookInTheImportLayoutThatImportsBackUnchanged() throws Exception {
        editor.post("/admin/kb/entries", "/admin/kb/new", guide("QH-SG-ED2", "个体工商户注销登记"));
        editor.post("/admin/kb/entries", "/admin/kb/new", Map.of("externalId", "QH-FAQ-ED2", "kind", "FAQ",
                "category", "其他", "title", "营业执照丢了怎么办", "questions", "执照遗失；怎么补办\n执照丢了", "answer", "申请补领。"));

        byte[] workbook = editor.getBytes("/admin/kb/export.xlsx");
        List<String> header = new ArrayList<>();
        Map<String, Map<String, String>> rows = new HashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    values.put(header.get(c), format.formatCellValue(row.getCell(c)));
                }
                rows.put(values.get("externalId"), values);
            }
        }
        String boundary = "zhice" + System.nanoTime();
        byte[] body = multipart(boundary, "kb.xlsx", workbook);
        HttpResponse<String> reimport = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/kb/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("kbreviewer:" + PW).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(header).startsWith("externalId", "kind", "status", "title").contains("where", "how", "eligibility");
        assertThat(rows.get("QH-SG-ED2").get("status")).isEqualTo("DRAFT");
        assertThat(rows.get("QH-SG-ED2").get("where")).contains("\"phone\":\"0591-12345678\"");
        assertThat(rows.get("QH-SG-ED2").get("how")).contains("\"timeLimit\":\"1个工作日\"");
        assertThat(rows.get("QH-FAQ-ED2").get("questions")).isEqualTo("[\"执照遗失；怎么补办\",\"执照丢了\"]");
        assertThat(reimport.statusCode()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.body()).contains("\"imported\":0", "\"updated\":0", "\"errors\":[]");
    }

    private static byte[] multipart(String boundary, String name, byte[] content) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
