package cn.zhice.kb.importing;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.curation.EntryValidator;
import cn.zhice.kb.curation.FieldProblem;
import cn.zhice.kb.store.EntryCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an import file (JSON Lines, or Excel with the same column names) into entries, collecting every problem
 * with its line number instead of stopping at the first, so staff can fix a file in one pass.
 */
@Component
class ImportParser {

    private final EntryCodec codec;
    private final EntryValidator validator;

    ImportParser(EntryCodec codec, EntryValidator validator) {
        this.codec = codec;
        this.validator = validator;
    }

    ParsedImport jsonLines(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Collector collector = new Collector();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = codec.mapper().readTree(text);
                } catch (JacksonException e) {
                    collector.error(line, null, "不是合法的 JSON：" + e.getOriginalMessage());
                    continue;
                }
                collector.accept(line, node);
            }
        } catch (CharacterCodingException e) {
            collector.error(0, null, "文件不是 UTF-8 编码，请另存为 UTF-8 后再导入");
        } catch (IOException e) {
            collector.error(0, null, "读取文件失败：" + e.getMessage());
        }
        return collector.result();
    }

    ParsedImport xlsx(InputStream in) {
        Collector collector = new Collector();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                collector.error(1, null, "工作表为空：第一行应为字段名（externalId、kind、title …）");
                return collector.result();
            }
            DataFormatter formatter = new DataFormatter();
            Map<Integer, String> columns = new HashMap<>();
            for (Cell cell : header) {
                String name = formatter.formatCellValue(cell).strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!ImportSchema.TOP.contains(name)) {
                    collector.error(header.getRowNum() + 1, name, "未知列名；列名须与导入格式的字段名一致");
                }
                columns.put(cell.getColumnIndex(), name);
            }
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                ObjectNode node = codec.mapper().createObjectNode();
                List<ImportError> cellErrors = new ArrayList<>();
                for (var column : columns.entrySet()) {
                    Cell cell = row.getCell(column.getKey());
                    String value = cellText(cell, formatter);
                    if (value.isEmpty() || !ImportSchema.TOP.contains(column.getValue())) {
                        continue;
                    }
                    putCell(node, column.getValue(), value, r + 1, cellErrors);
                }
                if (node.isEmpty() && cellErrors.isEmpty()) {
                    continue;
                }
                cellErrors.forEach(collector.errors::add);
                if (cellErrors.isEmpty()) {
                    collector.accept(r + 1, node);
                }
            }
        } catch (IOException | RuntimeException e) {
            collector.error(0, null, "无法读取 Excel 文件（须为 .xlsx 格式）：" + e.getMessage());
        }
        return collector.result();
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** Lists may be a JSON array or one item per line (or separated by ；); objects are JSON text. */
    private void putCell(ObjectNode node, String field, String value, int row, List<ImportError> errors) {
        if (ImportSchema.LIST_FIELDS.contains(field) && !value.startsWith("[")) {
            ArrayNode items = node.putArray(field);
            for (String item : ImportSchema.LIST_SEPARATOR.split(value)) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        } else if (ImportSchema.LIST_FIELDS.contains(field) || ImportSchema.OBJECT_FIELDS.contains(field)) {
            try {
                node.set(field, codec.mapper().readTree(value));
            } catch (JacksonException e) {
                errors.add(new ImportError(row, field, "单元格应为 JSON：" + e.getOriginalMessage()));
            }
        } else {
            node.put(field, value);
        }
    }

    /** Turns parsed lines into entries, gathering errors and catching duplicate ids within the file. */
    private final class Collector {
        private final List<ImportLine> lines = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        void error(int line, String field, String message) {
            errors.add(new ImportError(line, field, message));
        }

        void accept(int line, JsonNode node) {
            if (!node.isObject()) {
                error(line, null, "每行应是一个 JSON 对象");
                return;
            }
            ObjectNode object = (ObjectNode) node.deepCopy();
            int before = errors.size();
            for (var unknown : ImportSchema.unknownFields(object)) {
                error(line, unknown.getKey(), unknown.getValue());
            }
            EntryStatus status = status(line, object.remove("status"));
            if (errors.size() > before) {
                return;
            }
            Entry entry;
            try {
                entry = codec.read(object);
            } catch (JacksonException e) {
                error(line, path(e), typeMessage(e));
                return;
            }
            for (FieldProblem problem : validator.problems(entry)) {
                error(line, problem.field(), problem.message());
            }
            if (entry.externalId() != null) {
                Integer first = seen.putIfAbsent(entry.externalId(), line);
                if (first != null) {
                    error(line, "externalId", "与第 " + first + " 行的编号重复");
                }
            }
            if (errors.size() == before) {
                lines.add(new ImportLine(line, entry, status));
            }
        }

        private EntryStatus status(int line, JsonNode status) {
            if (status == null || status.isNull()) {
                return EntryStatus.DRAFT;
            }
            String value = status.isString() ? status.asString() : status.toString();
            if (value.equals("DRAFT") || value.equals("PUBLISHED")) {
                return EntryStatus.valueOf(value);
            }
            error(line, "status", "取值应为 DRAFT 或 PUBLISHED");
            return null;
        }

        ParsedImport result() {
            return new ParsedImport(List.copyOf(lines), List.copyOf(errors));
        }
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String typeMessage(JacksonException e) {
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target == LocalDate.class) {
                return "日期格式应为 YYYY-MM-DD，收到 " + invalid.getValue();
            }
            if (target != null && target.isEnum()) {
                return "取值应为 " + String.join("、", enumNames(target)) + "，收到 " + invalid.getValue();
            }
            return "取值格式不对：" + invalid.getValue();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> target = mismatched.getTargetType();
            if (List.class.isAssignableFrom(target)) {
                return "应为数组";
            }
            if (target == String.class) {
                return "应为字符串";
            }
            if (target == LocalDate.class) {
                return "日期格式应为 YYYY-MM-DD";
            }
            return "应为对象";
        }
        return "内容无法解析：" + e.getOriginalMessage();
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }
}
