package cn.zhice.kb.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.curation.EntryValidator;
import cn.zhice.kb.store.EntryCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportParserTest {

    private static final String FAQ = """
            {"externalId":"QH-FAQ-001","kind":"FAQ","title":"政务公开是什么？","category":"其他",\
            "questions":["什么是政务公开","政务公开指的是什么"],"answer":"政务公开是指……",\
            "keywords":["政务公开"],"audiences":["自然人"],"validFrom":"2025-01-10",\
            "where":{"offices":[{"name":"区政务服务中心","address":"青禾大道88号"}],"platform":"青禾区政务服务网"}}""";

    private final ImportParser parser = new ImportParser(new EntryCodec(), new EntryValidator());

    @Test
    void readsValidLineAsDraftByDefault() {
        ParsedImport parsed = jsonLines(FAQ);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(1);
            assertThat(line.status()).isEqualTo(EntryStatus.DRAFT);
            Entry entry = line.entry();
            assertThat(entry.externalId()).isEqualTo("QH-FAQ-001");
            assertThat(entry.kind()).isEqualTo(EntryKind.FAQ);
            assertThat(entry.questions()).containsExactly("什么是政务公开", "政务公开指的是什么");
            assertThat(entry.validFrom()).isEqualTo(LocalDate.of(2025, 1, 10));
            assertThat(entry.where().offices()).extracting(Entry.Office::address).containsExactly("青禾大道88号");
        });
    }

    @Test
    void readsRequestedPublishedStatus() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"kind\"", "\"status\":\"PUBLISHED\",\"kind\""));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).singleElement().extracting(ImportLine::status).isEqualTo(EntryStatus.PUBLISHED);
    }

    @Test
    void reportsMisspeltFieldWithLineAndHint() {
        ParsedImport parsed = jsonLines(FAQ, FAQ.replace("QH-FAQ-001", "QH-FAQ-002").replace("\"title\"", "\"titel\""));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.field()).isEqualTo("titel");
            assertThat(error.message()).contains("\"title\"");
        });
        assertThat(parsed.lines()).extracting(ImportLine::line).containsExactly(1);
    }

    @Test
    void reportsMisspeltNestedFieldWithItsPath() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"address\"", "\"adress\""));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("where.offices[0].adress");
            assertThat(error.message()).contains("\"address\"");
        });
        assertThat(parsed.lines()).isEmpty();
    }

    @Test
    void reportsInvalidJson() {
        ParsedImport parsed = jsonLines("{\"externalId\":\"QH-FAQ-001\",\"kind\":\"FAQ\",");

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.field()).isNull();
            assertThat(error.message()).startsWith("不是合法的 JSON");
        });
    }

    @Test
    void reportsLineThatIsNotAnObject() {
        ParsedImport parsed = jsonLines("[\"QH-FAQ-001\",\"FAQ\"]", "\"政务公开\"");

        assertThat(parsed.errors()).extracting(ImportError::line).containsExactly(1, 2);
        assertThat(parsed.errors()).extracting(ImportError::message).containsOnly("每行应是一个 JSON 对象");
        assertThat(parsed.lines()).isEmpty();
    }

    @Test
    void namesFieldOfImpossibleDate() {
        ParsedImport parsed = jsonLines(FAQ.replace("2025-01-10", "2024-13-01"));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("validFrom");
            assertThat(error.message()).contains("YYYY-MM-DD", "2024-13-01");
        });
    }

    @Test
    void rejectsDatesThatAreNumbersOrCarryATime() {
        ParsedImport number = jsonLines(FAQ.replace("\"2025-01-10\"", "20250110"));
        ParsedImport dateTime = jsonLines(FAQ.replace("2025-01-10", "2025-01-10T10:00"));

        assertThat(number.lines()).isEmpty();
        assertThat(number.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("validFrom");
            assertThat(error.message()).contains("YYYY-MM-DD");
        });
        assertThat(dateTime.lines()).isEmpty();
        assertThat(dateTime.errors()).extracting(ImportError::field).containsExactly("validFrom");
    }

    @Test
    void rejectsALineThatGivesTheSameFieldTwice() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"category\":\"其他\"", "\"title\":\"又一个标题\""));

        assertThat(parsed.lines()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.message()).contains("title");
        });
    }

    @Test
    void namesFieldAndAllowedValuesOfWrongEnum() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"kind\":\"FAQ\"", "\"kind\":\"POLICYX\""));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("kind");
            assertThat(error.message()).contains("POLICY", "SERVICE_GUIDE", "FAQ", "收到 POLICYX");
        });
    }

    @Test
    void reportsListGivenAsString() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"keywords\":[\"政务公开\"]", "\"keywords\":\"政务公开\""));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("keywords");
            assertThat(error.message()).isEqualTo("应为数组");
        });
    }

    @Test
    void reportsMissingExternalIdAndTitle() {
        ParsedImport parsed = jsonLines("{\"kind\":\"FAQ\",\"answer\":\"政务公开是指……\"}");

        assertThat(parsed.errors()).extracting(ImportError::field).containsExactlyInAnyOrder("externalId", "title");
        assertThat(parsed.errors()).extracting(ImportError::line).containsOnly(1);
        assertThat(parsed.lines()).isEmpty();
    }

    @Test
    void reportsDuplicateExternalIdNamingTheFirstLine() {
        ParsedImport parsed = jsonLines("", FAQ, FAQ.replace("QH-FAQ-001", "QH-FAQ-002"), FAQ.replace("政务公开是什么", "政务公开"));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.field()).isEqualTo("externalId");
            assertThat(error.message()).contains("第 2 行");
        });
        assertThat(parsed.lines()).extracting(ImportLine::line).containsExactly(2, 3);
    }

    @Test
    void rejectsStatusOtherThanDraftOrPublished() {
        ParsedImport parsed = jsonLines(FAQ.replace("\"kind\"", "\"status\":\"ARCHIVED\",\"kind\""));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("status");
            assertThat(error.message()).contains("DRAFT", "PUBLISHED");
        });
        assertThat(parsed.lines()).isEmpty();
    }

    @Test
    void toleratesByteOrderMarkAndBlankLines() {
        ParsedImport parsed = jsonLines("\uFEFF" + FAQ, "", "   ", FAQ.replace("QH-FAQ-001", "QH-FAQ-002"), "");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).extracting(ImportLine::line).containsExactly(1, 4);
        assertThat(parsed.lines()).extracting(line -> line.entry().externalId())
                .containsExactly("QH-FAQ-001", "QH-FAQ-002");
    }

    @Test
    void rejectsFileThatIsNotUtf8() {
        byte[] gbk = (FAQ + "\n").getBytes(Charset.forName("GBK"));

        ParsedImport parsed = parser.jsonLines(new ByteArrayInputStream(gbk));

        assertThat(parsed.errors()).singleElement().extracting(ImportError::message).asString().contains("UTF-8");
        assertThat(parsed.lines()).isEmpty();
    }

    @Test
    void reportsEveryErrorOfTheFile() {
        ParsedImport parsed = jsonLines(
                FAQ,
                FAQ.replace("QH-FAQ-001", "QH-FAQ-002").replace("\"title\"", "\"titel\"").replace("\"platform\"", "\"platfrom\""),
                "{oops",
                FAQ.replace("QH-FAQ-001", "QH-FAQ-004").replace("2025-01-10", "2025-02-30"),
                FAQ);

        assertThat(parsed.errors()).extracting(ImportError::line, ImportError::field).containsExactly(
                tuple(2, "titel"),
                tuple(2, "where.platfrom"),
                tuple(3, null),
                tuple(4, "validFrom"),
                tuple(5, "externalId"));
        assertThat(parsed.lines()).extracting(ImportLine::line).containsExactly(1);
    }

    @Test
    void reportsPathOfBadOperatorInEligibilityTree() {
        String policy = """
                {"externalId":"QH-POL-KJ-01","kind":"POLICY","title":"高新技术企业认定奖励","category":"科技",\
                "eligibility":{"all":[{"field":"region","op":"eq","value":"滨江市青禾区"},\
                {"field":"tags","op":"has","value":"高新技术企业"}]}}""";

        ParsedImport parsed = jsonLines(policy);

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("eligibility.all[1].op");
            assertThat(error.message()).contains("contains", "eq");
        });
    }

    @Test
    void readsExcelRowsWithListObjectAndDateCells() throws IOException {
        byte[] xlsx = workbook(
                List.of("externalId", "kind", "title", "questions", "keywords", "audiences", "where", "validFrom", "answer", "status"),
                List.of("QH-FAQ-001", "FAQ", "政务公开是什么？", "什么是政务公开\n政务公开指的是什么", "[\"政务公开\",\"信息公开\"]",
                        "自然人；企业法人", "{\"offices\":[{\"name\":\"区政务服务中心\",\"address\":\"青禾大道88号\"}]}",
                        LocalDate.of(2025, 1, 10), "政务公开是指……", "PUBLISHED"));

        ParsedImport parsed = parser.xlsx(new ByteArrayInputStream(xlsx));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.lines()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(2);
            assertThat(line.status()).isEqualTo(EntryStatus.PUBLISHED);
            Entry entry = line.entry();
            assertThat(entry.questions()).containsExactly("什么是政务公开", "政务公开指的是什么");
            assertThat(entry.keywords()).containsExactly("政务公开", "信息公开");
            assertThat(entry.audiences()).containsExactly("自然人", "企业法人");
            assertThat(entry.where().offices()).extracting(Entry.Office::name).containsExactly("区政务服务中心");
            assertThat(entry.validFrom()).isEqualTo(LocalDate.of(2025, 1, 10));
        });
    }

    @Test
    void reportsBadExcelValueWithItsRowNumber() throws IOException {
        byte[] xlsx = workbook(
                List.of("externalId", "kind", "title", "answer", "where"),
                List.of("QH-FAQ-001", "FAQ", "政务公开是什么？", "政务公开是指……", ""),
                List.of("QH-FAQ-002", "POLICYX", "政务公开都公开哪些内容？", "主动公开……", ""),
                List.of("QH-FAQ-003", "FAQ", "依申请公开怎么办？", "向政府信息公开工作机构提出申请……", "{\"onlineUrl\":"));

        ParsedImport parsed = parser.xlsx(new ByteArrayInputStream(xlsx));

        assertThat(parsed.errors()).extracting(ImportError::line, ImportError::field).containsExactly(
                tuple(3, "kind"),
                tuple(4, "where"));
        assertThat(parsed.errors().get(0).message()).contains("收到 POLICYX");
        assertThat(parsed.lines()).extracting(ImportLine::line).containsExactly(2);
    }

    @Test
    void reportsUnknownExcelColumn() throws IOException {
        byte[] xlsx = workbook(
                List.of("externalId", "kind", "titel", "answer"),
                List.of("QH-FAQ-001", "FAQ", "政务公开是什么？", "政务公开是指……"));

        ParsedImport parsed = parser.xlsx(new ByteArrayInputStream(xlsx));

        assertThat(parsed.errors()).anySatisfy(error -> {
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.field()).isEqualTo("titel");
        });
        assertThat(parsed.lines()).isEmpty();
    }

    private ParsedImport jsonLines(String... lines) {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return parser.jsonLines(new ByteArrayInputStream(bytes));
    }

    /** A one-sheet workbook: the header row, then one row per list; LocalDate values become date-formatted cells. */
    @SafeVarargs
    private static byte[] workbook(List<String> header, List<?>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("条目");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    Object value = rows[r].get(c);
                    if (value instanceof LocalDate day) {
                        row.createCell(c).setCellValue(day);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
