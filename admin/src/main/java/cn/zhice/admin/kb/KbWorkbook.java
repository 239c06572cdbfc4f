package cn.zhice.admin.kb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base as an Excel workbook in the layout the .xlsx import reads (docs/kb-format.md): the first row
 * holds the field names, lists one item per line (or a JSON array when an item itself contains a separator), objects
 * and rule trees as JSON text. Built from the JSON Lines export, so both exports always carry the same data and an
 * exported workbook imports back unchanged.
 */
final class KbWorkbook {

    /** Import field names, in the order staff read an entry. */
    static final List<String> COLUMNS = List.of("externalId", "kind", "status", "title", "category", "summary", "body",
            "department", "region", "documentNumber", "publishedOn", "validFrom", "validTo", "audiences", "keywords",
            "questions", "answer", "sourceUrl", "where", "how", "contacts", "eligibility");
    private static final List<String> LISTS = List.of("audiences", "keywords", "questions");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private KbWorkbook() {}

    /**
     * The workbook of the entries {@code export} writes as JSON Lines.
     *
     * @throws CellTooLong when a field is longer than an Excel cell can hold
     */
    static byte[] of(Consumer<java.io.OutputStream> export) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        export.accept(lines);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("知识库");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            sheet.createFreezePane(1, 1);
            int r = 1;
            for (String line : lines.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                Row row = sheet.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String value = cell(COLUMNS.get(c), entry.get(COLUMNS.get(c)));
                    if (value == null) {
                        continue;
                    }
                    if (value.length() > CELL_LIMIT) {
                        throw new CellTooLong(entry.path("externalId").asString(), COLUMNS.get(c));
                    }
                    row.createCell(c).setCellValue(value);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (LISTS.contains(field) && value.isArray()) {
            List<String> items = new ArrayList<>();
            boolean plain = true;
            for (JsonNode item : value) {
                String text = item.asString();
                plain &= !text.contains("\n") && !text.contains(";") && !text.contains("；") && !text.startsWith("[");
                items.add(text);
            }
            return plain ? String.join("\n", items) : JSON.writeValueAsString(value);
        }
        return value.isValueNode() ? value.asString() : JSON.writeValueAsString(value);
    }

    /** A field does not fit in an Excel cell (32,767 characters); the JSON Lines export has no such limit. */
    static final class CellTooLong extends RuntimeException {
        CellTooLong(String externalId, String field) {
            super("条目 " + externalId + " 的 " + field + " 超过 Excel 单元格上限（32767 字），请改用 JSONL 导出");
        }
    }
}
