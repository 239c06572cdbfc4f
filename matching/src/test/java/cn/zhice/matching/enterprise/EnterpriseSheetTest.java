package cn.zhice.matching.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.ImportRejected;
import cn.zhice.matching.ImportRejected.LineError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class EnterpriseSheetTest {

    static final List<String> HEADER = List.of("uscc", "name", "industryCode", "employees", "revenueWan", "assetsWan",
            "region", "registeredOn", "tags", "contacts.mobile", "contacts.email", "contacts.wechatOpenId",
            "consent.sms", "consent.email", "consent.wechat");

    /** Builds a workbook: the first row is the header, values are written as typed cells (LocalDate as a date cell). */
    static byte[] workbook(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("企业");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> factory() {
        return new java.util.ArrayList<>(java.util.Arrays.asList("91350100M000100Y43", "青禾精密制造有限公司", "C3411", 120,
                3000.5, "800", "滨江市青禾区", LocalDate.of(2019, 5, 10),
                "高新技术企业|国家级|2027-12-31|GR202135000123\n专精特新中小企业|省级|2026-06-30", 13800138000L,
                "hr@qinghe.example", "oAbc123", true, "否", "是"));
    }

    static List<Object> shop(String uscc) {
        return new java.util.ArrayList<>(java.util.Arrays.asList(uscc, "青禾小吃店", 62, 3, null, null, "滨江市青禾区",
                "2021-03-01"));
    }

    static List<EnterpriseProfile> read(byte[] xlsx) {
        return EnterpriseSheet.read(new ByteArrayInputStream(xlsx), 1000);
    }

    static List<LineError> errors(byte[] xlsx) {
        try {
            read(xlsx);
        } catch (ImportRejected e) {
            return e.errors();
        }
        throw new AssertionError("import was accepted");
    }

    @Test
    void readsEveryColumnFromTypedCells() {
        List<EnterpriseProfile> profiles = read(workbook(HEADER, List.of(factory(), shop("92440300100000016A"))));

        assertThat(profiles).hasSize(2);
        EnterpriseProfile p = profiles.get(0);
        assertThat(p.uscc().value()).isEqualTo("91350100M000100Y43");
        assertThat(p.industryCode()).hasToString("C3411");
        assertThat(p.employees()).isEqualTo(120);
        assertThat(p.revenueWan()).isEqualByComparingTo("3000.5");
        assertThat(p.assetsWan()).isEqualByComparingTo("800");
        assertThat(p.registeredOn()).isEqualTo(LocalDate.of(2019, 5, 10));
        assertThat(p.tags()).hasSize(2);
        assertThat(p.tags().get(0)).satisfies(t -> {
            assertThat(t.name()).isEqualTo("高新技术企业");
            assertThat(t.level()).isEqualTo("国家级");
            assertThat(t.validTo()).isEqualTo(LocalDate.of(2027, 12, 31));
            assertThat(t.certificateNo()).isEqualTo("GR202135000123");
        });
        assertThat(p.tags().get(1).validTo()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(p.contacts().mobile()).isEqualTo("13800138000");
        assertThat(p.contacts().email()).isEqualTo("hr@qinghe.example");
        assertThat(p.consent().sms()).isTrue();
        assertThat(p.consent().email()).isFalse();
        assertThat(p.consent().wechat()).isTrue();
        EnterpriseProfile shop = profiles.get(1);
        assertThat(shop.industryCode()).hasToString("H62");
        assertThat(shop.registeredOn()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(shop.revenueWan()).isNull();
    }

    @Test
    void acceptsColumnsInAnyOrderAndSkipsEmptyRows() {
        byte[] xlsx = workbook(List.of("name", "uscc"), List.of(List.<Object>of("青禾小吃店", "92440300100000016A"),
                java.util.Arrays.asList(null, null), List.<Object>of("青禾二店", "92440300100000008F")));

        assertThat(read(xlsx)).extracting(p -> p.uscc().value()).containsExactly("92440300100000016A", "92440300100000008F");
    }

    @Test
    void rejectsABadUsccNamingItsRow() {
        List<Object> bad = shop("91350100M000100Y44");

        assertThat(errors(workbook(HEADER, List.of(factory(), bad))))
                .singleElement().satisfies(e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("uscc");
                    assertThat(e.reason()).contains("校验码");
                });
    }

    @Test
    void rejectsAnUnknownIndustryCode() {
        List<Object> bad = shop("92440300100000016A");
        bad.set(2, "Z99");

        assertThat(errors(workbook(HEADER, List.of(bad)))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("industryCode");
            assertThat(e.reason()).contains("Z99");
        });
    }

    @Test
    void rejectsANegativeNumber() {
        List<Object> bad = factory();
        bad.set(4, -5);

        assertThat(errors(workbook(HEADER, List.of(bad)))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("revenueWan");
            assertThat(e.reason()).contains("负数");
        });
    }

    @Test
    void rejectsADuplicateUsccPointingAtTheFirstRow() {
        assertThat(errors(workbook(HEADER, List.of(shop("92440300100000016A"), factory(), shop("92440300100000016a")))))
                .singleElement().satisfies(e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("uscc");
                    assertThat(e.reason()).contains("第2行重复");
                });
    }

    @Test
    void rejectsCellsOfTheWrongType() {
        List<Object> textEmployees = shop("92440300100000016A");
        textEmployees.set(3, "一百二十");
        List<Object> numberAsDate = shop("92440300100000008F");
        numberAsDate.set(7, 43600);
        List<Object> badConsent = factory();
        badConsent.set(12, "也许");

        List<LineError> errors = errors(workbook(HEADER, List.of(textEmployees, numberAsDate, badConsent)));

        assertThat(errors).extracting(LineError::line, LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "employees"),
                        org.assertj.core.groups.Tuple.tuple(3, "registeredOn"),
                        org.assertj.core.groups.Tuple.tuple(4, "consent.sms"));
        assertThat(errors.get(0).reason()).contains("应为数字", "一百二十");
        assertThat(errors.get(1).reason()).contains("应为日期");
    }

    @Test
    void reportsEveryBadRowAtOnceAndImportsNothing() {
        List<Object> negative = shop("92440300100000008F");
        negative.set(3, -1);

        assertThat(errors(workbook(HEADER, List.of(factory(), shop("91350100M000100Y44"), negative))))
                .extracting(LineError::line).containsExactly(3, 4);
    }

    @Test
    void rejectsUnknownColumnsBeforeReadingRows() {
        assertThat(errors(workbook(List.of("uscc", "name", "phone"), List.of(List.<Object>of("92440300100000016A", "店", "1")))))
                .singleElement().satisfies(e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("phone");
                });
    }

    @Test
    void rejectsAFileThatIsNotAWorkbook() {
        assertThatThrownBy(() -> read("{\"uscc\":\"92440300100000016A\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportRejected.class,
                        e -> assertThat(e.errors().get(0).reason()).contains(".xlsx"));
    }

    @Test
    void stopsAtTheRowLimit() {
        byte[] xlsx = workbook(HEADER, List.of(shop("92440300100000016A"), shop("92440300100000008F"), factory()));

        assertThatThrownBy(() -> EnterpriseSheet.read(new ByteArrayInputStream(xlsx), 2))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.reason()).contains("最多导入2家")));
    }
}
