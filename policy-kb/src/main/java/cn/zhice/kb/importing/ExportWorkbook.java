package cn.zhice.kb.importing;

import cn.zhice.kb.WorkbookCellTooLong;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base as an Excel workbook in the layout {@link ImportParser#xlsx} reads (docs/kb-format.md): the first
 * row holds the field names, lists one item per line (or a JSON array when an item itself contains a separator),
 * objects and rule trees as JSON text. It writes the same lines as the JSON Lines export, so an exported workbook
 * imports back unchanged.
 */
final class ExportWorkbook {

    /** Import field names, in the order staff read an entry. */
    static final List<String> COLUMNS = List.of("externalId", "kind", "status", "title", "category", "summary", "body",
            "department", "region", "documentNumber", "publishedOn", "validFrom", "validTo", "audiences", "keywords",
            "questions", "answer", "sourceUrl", "where", "how", "contacts", "eligibility");
    private static final int CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private ExportWorkbook() {}

    /**
     * Writes {@code lines} (export lines in the import format) as a workbook.
     *
     * @throws WorkbookCellTooLong when a field is longer than an Excel cell can hold
     */
    static void write(List<? extends JsonNode> lines, JsonMapper json, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
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
            for (JsonNode entry : lines) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String value = cell(COLUMNS.get(c), entry.get(COLUMNS.get(c)), json);
                    if (value == null) {
                        continue;
                    }
                    if (value.length() > CELL_LIMIT) {
                        throw new WorkbookCellTooLong(entry.path("externalId").asString(), COLUMNS.get(c));
                    }
                    row.createCell(c).setCellValue(value);
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String field, JsonNode value, JsonMapper json) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (ImportSchema.LIST_FIELDS.contains(field) && value.isArray()) {
            List<String> items = new ArrayList<>();
            boolean plain = true;
            for (JsonNode item : value) {
                String text = item.asString();
                // the import splits a list cell at these separators unless it starts as a JSON array
                plain &= !ImportSchema.LIST_SEPARATOR.matcher(text).find() && !text.startsWith("[");
                items.add(text);
            }
            return plain ? String.join("\n", items) : json.writeValueAsString(value);
        }
        return value.isValueNode() ? value.asString() : json.writeValueAsString(value);
    }
}
