package cn.zhice.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.Api.Reply;
import cn.zhice.testsupport.TestApplication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Enterprise import, CRUD and 政策计算器 through the running application with the demo policies. Subclasses run it
 * against H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(EnterpriseApiContract.RecordedEvents.class)
abstract class EnterpriseApiContract {

    /** Records what push would receive. */
    @TestConfiguration
    static class RecordedEvents {
        final List<EnterpriseNewlyEligible> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(EnterpriseNewlyEligible event) {
            events.add(event);
        }

        Set<String> policiesOf(String uscc) {
            return events.stream().filter(e -> e.uscc().equals(uscc)).map(EnterpriseNewlyEligible::policyExternalId)
                    .collect(Collectors.toSet());
        }
    }

    @Autowired
    RecordedEvents recorded;

    static final String ADMIN_PASSWORD = "bootstrap-admin-secret";
    static final String STAFF_PASSWORD = "correct-horse-battery";
    static final String FACTORY = "{\"uscc\":\"91350100M000100Y43\",\"name\":\"青禾精密制造有限公司\",\"industryCode\":\"C3411\","
            + "\"employees\":120,\"revenueWan\":3000.5,\"assetsWan\":800,\"region\":\"滨江市青禾区\",\"registeredOn\":\"2019-05-10\","
            + "\"tags\":[{\"name\":\"高新技术企业\",\"level\":\"国家级\",\"validTo\":\"2099-12-31\"}],"
            + "\"contacts\":{\"mobile\":\"13800138000\"},\"consent\":{\"sms\":true,\"email\":false,\"wechat\":false}}";

    @LocalServerPort
    int port;

    Api anonymous;
    Api editor;

    static void commonProperties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PASSWORD, true);
    }

    @BeforeAll
    void staff() {
        anonymous = Api.at(port);
        Api admin = anonymous.as("admin", ADMIN_PASSWORD);
        Reply created = admin.postJson("/api/admin/users",
                Map.of("username", "enterprises1", "password", STAFF_PASSWORD, "roles", List.of("EDITOR")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        editor = anonymous.as("enterprises1", STAFF_PASSWORD);
        Reply imported = editor.post("/api/admin/enterprises/import", "application/x-ndjson",
                (FACTORY + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void returnsTheImportedProfileWithItsIndustryEdition() {
        Reply reply = editor.get("/api/admin/enterprises/91350100m000100y43");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("industryCode").asString()).isEqualTo("C3411");
        assertThat(body.get("industryEdition").asString()).isEqualTo("GB/T 4754-2017");
        assertThat(body.get("registrationType").asString()).isEqualTo("企业法人");
        assertThat(body.get("tags").get(0).get("name").asString()).isEqualTo("高新技术企业");
    }

    @Test
    void rejectsBadImportWithLineNumbersAndImportsNothing() {
        String lines = "{\"uscc\":\"913301061000001390\",\"name\":\"好企业\"}\n"
                + "{\"uscc\":\"91350100M000100Y44\",\"name\":\"校验码错\"}\n"
                + "{\"uscc\":\"9244030010000018XE\",\"name\":\"负数\",\"employees\":-1}\n";

        Reply reply = editor.post("/api/admin/enterprises/import", "application/x-ndjson", lines.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).contains("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("uscc");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(editor.get("/api/admin/enterprises/913301061000001390").status()).isEqualTo(404);
    }

    static byte[] workbook(String[] header, Object[]... rows) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet();
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (rows[r][i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (rows[r][i] != null) {
                        row.createCell(i).setCellValue(rows[r][i].toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] multipart(String boundary, String filename, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void importsAnExcelWorkbookUploadedAsAFile() {
        byte[] xlsx = workbook(new String[] {"uscc", "name", "industryCode", "employees", "tags", "consent.sms"},
                new Object[] {"924403001000000245", "青禾五金店", "F5211", 8, "科技型中小企业|省级|2099-12-31", "是"});

        Reply reply = editor.post("/api/admin/enterprises/import", "multipart/form-data; boundary=zhice-boundary",
                multipart("zhice-boundary", "企业名单.xlsx", xlsx));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(1);
        JsonNode shop = editor.get("/api/admin/enterprises/924403001000000245").json();
        assertThat(shop.get("industryCode").asString()).isEqualTo("F5211");
        assertThat(shop.get("employees").asInt()).isEqualTo(8);
        assertThat(shop.get("tags").get(0).get("level").asString()).isEqualTo("省级");
        assertThat(shop.get("consent").get("sms").asBoolean()).isTrue();
    }

    @Test
    void rejectsABadWorkbookWithRowNumbersAndImportsNothing() {
        byte[] xlsx = workbook(new String[] {"uscc", "name", "employees", "revenueWan"},
                new Object[] {"924403001000000320", "好企业", 5, 100},
                new Object[] {"91350100M000100Y44", "校验码错", 5, 100},
                new Object[] {"92440300100000040T", "人数写成文字", "五人", 100},
                new Object[] {"92440300100000059P", "负数", 5, -1});

        Reply reply = editor.post("/api/admin/enterprises/import",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).contains("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("uscc");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("employees");
        assertThat(errors.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(errors.get(2).get("field").asString()).isEqualTo("revenueWan");
        assertThat(editor.get("/api/admin/enterprises/924403001000000320").status()).isEqualTo(404);
    }

    @Test
    void announcesEachPolicyANewEnterpriseIsEligibleForOnceAfterSaving() {
        String uscc = "91350100200000072M";
        String body = FACTORY.replace("91350100M000100Y43", uscc).replace("青禾精密制造有限公司", "青禾光电有限公司");

        assertThat(editor.putJson("/api/admin/enterprises/" + uscc, body).status()).isEqualTo(201);

        JsonNode calculator = editor.get("/api/matching/enterprises/" + uscc + "/policies").json();
        Set<String> eligibleOrLikely = StreamSupport.stream(calculator.spliterator(), false)
                .filter(m -> Set.of("ELIGIBLE", "LIKELY").contains(m.get("eligibility").asString()))
                .map(m -> m.get("externalId").asString()).collect(Collectors.toSet());
        assertThat(eligibleOrLikely).isNotEmpty();
        assertThat(recorded.policiesOf(uscc)).isEqualTo(eligibleOrLikely);
        int announced = recorded.events.size();

        assertThat(editor.putJson("/api/admin/enterprises/" + uscc, body).status()).isEqualTo(200);
        assertThat(recorded.events).hasSize(announced);
    }

    @Test
    void targetsAPolicyAsSoonAsItIsPublished() {
        assertThat(editor.get("/api/matching/enterprises/91350100M000100Y43/policies").status()).isEqualTo(200);
        String policy = "{\"externalId\":\"QH-POL-TEST-NEW\",\"kind\":\"POLICY\",\"title\":\"青禾区高企新政\",\"category\":\"科技\","
                + "\"eligibility\":{\"field\":\"tags\",\"op\":\"contains\",\"value\":\"高新技术企业\"},\"status\":\"PUBLISHED\"}\n";

        Reply imported = anonymous.as("admin", ADMIN_PASSWORD).post("/api/admin/kb/import", "application/x-ndjson",
                policy.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Reply targets = editor.postJson("/api/matching/policy-targets", Map.of("policyExternalId", "QH-POL-TEST-NEW"));
        assertThat(targets.status()).as(targets.body()).isEqualTo(200);
        assertThat(targets.json().get("counts").get("ELIGIBLE").asInt()).isPositive();
    }

    @Test
    void answersUnknownAndInvalidUsccs() {
        assertThat(editor.get("/api/admin/enterprises/92440300100000008F").status()).isEqualTo(404);
        assertThat(editor.get("/api/admin/enterprises/123").status()).isEqualTo(400);
    }

    @Test
    void createsReplacesAndDeletesAProfile() {
        String uscc = "92440300100000016A";
        String body = "{\"uscc\":\"" + uscc + "\",\"name\":\"青禾小吃店\",\"industryCode\":\"62\",\"employees\":3}";
        assertThat(editor.putJson("/api/admin/enterprises/" + uscc, body).status()).isEqualTo(201);
        assertThat(editor.putJson("/api/admin/enterprises/" + uscc, body.replace("3}", "4}")).status()).isEqualTo(200);
        assertThat(editor.get("/api/admin/enterprises/" + uscc).json().get("employees").asInt()).isEqualTo(4);
        assertThat(editor.get("/api/admin/enterprises/" + uscc).json().get("registrationType").asString()).isEqualTo("个体工商户");
        assertThat(editor.delete("/api/admin/enterprises/" + uscc).status()).isEqualTo(204);
        assertThat(editor.get("/api/admin/enterprises/" + uscc).status()).isEqualTo(404);
    }

    @Test
    void listsEligibleAndLikelyPoliciesWithExplanations() {
        Reply reply = editor.get("/api/matching/enterprises/91350100M000100Y43/policies");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode matches = reply.json();
        assertThat(matches.size()).isPositive();
        matches.forEach(m -> {
            assertThat(m.get("eligibility").asString()).isIn("ELIGIBLE", "LIKELY", "NEEDS_DATA");
            assertThat(m.get("explanation").asString()).startsWith("结论：");
        });
        assertThat(matches.get(0).get("eligibility").asString()).isEqualTo("ELIGIBLE");
    }

    @Test
    void keepsEnterpriseDataFromAnonymousCallers() {
        assertThat(anonymous.get("/api/admin/enterprises/91350100M000100Y43").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/matching/enterprises/91350100M000100Y43/policies").status()).isEqualTo(401);
    }

    @Test
    void targetsThePoliciesEnterprisesWithCountsAndExplanations() {
        String policy = editor.get("/api/matching/enterprises/91350100M000100Y43/policies").json().get(0).get("externalId").asString();

        Reply reply = editor.postJson("/api/matching/policy-targets", Map.of("policyExternalId", policy));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("counts").get("ELIGIBLE").asInt()).isPositive();
        assertThat(body.get("targets").get(0).get("uscc").asString()).isEqualTo("91350100M000100Y43");
        assertThat(body.get("targets").get(0).get("eligibility").asString()).isEqualTo("ELIGIBLE");
        assertThat(body.get("targets").get(0).get("explanation").asString()).startsWith("结论：符合条件");
    }

    @Test
    void answersUnknownPolicyTargetsWithNotFound() {
        assertThat(editor.postJson("/api/matching/policy-targets", Map.of("policyExternalId", "NO-SUCH-POLICY")).status())
                .isEqualTo(404);
    }
}
