package cn.zhice.matching.enterprise;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.ImportRejected;
import cn.zhice.matching.ImportRejected.LineError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the enterprise import as an Excel workbook (.xlsx, docs/enterprise-import.md): the first sheet, a header row
 * of column names, one enterprise per row. Each row becomes the same JSON object as a JSON Lines import and goes
 * through the same checks, so errors name the spreadsheet row number in the same format.
 */
final class EnterpriseSheet {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TEXT = Set.of("uscc", "name", "industryCode", "region",
            "contacts.mobile", "contacts.email", "contacts.wechatOpenId");
    private static final Set<String> NUMBERS = Set.of("employees", "revenueWan", "assetsWan");
    private static final Set<String> DATES = Set.of("registeredOn");
    private static final Set<String> FLAGS = Set.of("consent.sms", "consent.email", "consent.wechat");
    private static final String TAGS = "tags";
    private static final List<String> TAG_PARTS = List.of("name", "level", "validTo", "certificateNo", "validFrom");

    private EnterpriseSheet() {}

    /** A cell cannot be turned into its field's value. */
    private static final class BadCell extends RuntimeException {
        BadCell(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The enterprises of the workbook's first sheet.
     *
     * @throws ImportRejected listing every bad row (by its row number in Excel) when any row is bad
     */
    static List<EnterpriseProfile> read(InputStream in, int maxRows) {
        EnterpriseLines.Batch batch = new EnterpriseLines.Batch(maxRows);
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new ImportRejected(List.of(new LineError(1, null, "工作表为空：第一行应为列名（uscc、name、industryCode …）")));
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<Integer, String> columns = new LinkedHashMap<>();
            List<LineError> headerErrors = new ArrayList<>();
            for (Cell cell : header) {
                String name = formatter.formatCellValue(cell).strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!known(name)) {
                    headerErrors.add(new LineError(header.getRowNum() + 1, name,
                            "未知列名“" + name + "”；列名须与导入格式一致（见docs/enterprise-import.md）"));
                } else if (columns.containsValue(name)) {
                    headerErrors.add(new LineError(header.getRowNum() + 1, name, "列名“" + name + "”重复"));
                }
                columns.put(cell.getColumnIndex(), name);
            }
            if (!columns.containsValue("uscc")) {
                headerErrors.add(new LineError(header.getRowNum() + 1, "uscc", "缺少uscc列"));
            }
            if (!headerErrors.isEmpty()) {
                throw new ImportRejected(headerErrors);
            }
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                int number = r + 1;
                ObjectNode json = JSON.createObjectNode();
                boolean bad = false;
                boolean empty = true;
                for (var column : columns.entrySet()) {
                    Cell cell = row.getCell(column.getKey());
                    if (blank(cell)) {
                        continue;
                    }
                    empty = false;
                    try {
                        put(json, column.getValue(), cell, formatter);
                    } catch (BadCell e) {
                        bad = true;
                        if (!batch.error(number, column.getValue(), e.getMessage())) {
                            return batch.profiles();
                        }
                    }
                }
                if (empty || bad) {
                    continue;
                }
                if (!batch.add(number, json)) {
                    break;
                }
            }
        } catch (ImportRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook with assorted runtime exceptions (not a zip, empty, OLE2 .xls).
            throw new ImportRejected(List.of(new LineError(0, null, "无法读取Excel文件（须为.xlsx格式）：" + e.getMessage())));
        }
        return batch.profiles();
    }

    private static boolean known(String column) {
        return TEXT.contains(column) || NUMBERS.contains(column) || DATES.contains(column) || FLAGS.contains(column)
                || TAGS.equals(column);
    }

    private static boolean blank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    private static void put(ObjectNode json, String column, Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.ERROR) {
            throw new BadCell(column + "单元格是公式错误");
        }
        if (NUMBERS.contains(column)) {
            json.put(column, number(column, cell, type));
        } else if (DATES.contains(column)) {
            json.put(column, date(column, cell, type, formatter));
        } else if (FLAGS.contains(column)) {
            String[] path = column.split("\\.");
            object(json, path[0]).put(path[1], flag(column, cell, type));
        } else if (TAGS.equals(column)) {
            json.set(TAGS, tags(text(cell, type, formatter)));
        } else if (column.contains(".")) {
            String[] path = column.split("\\.");
            object(json, path[0]).put(path[1], text(cell, type, formatter));
        } else {
            json.put(column, text(cell, type, formatter));
        }
    }

    private static ObjectNode object(ObjectNode json, String field) {
        return json.has(field) ? (ObjectNode) json.get(field) : json.putObject(field);
    }

    /** Text as shown, except that whole numbers (a mobile number, a numeric industry code) lose Excel's formatting. */
    private static String text(Cell cell, CellType type, DataFormatter formatter) {
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            return value.scale() <= 0 ? value.toPlainString() : formatter.formatCellValue(cell).strip();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        return formatter.formatCellValue(cell).strip();
    }

    // Numbers typed as text (a common Excel habit, e.g. '120 or 3,000.5) are accepted when they read as numbers.
    private static BigDecimal number(String column, Cell cell, CellType type) {
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
        }
        if (type == CellType.STRING) {
            String text = cell.getStringCellValue().strip().replace(",", "").replace("，", "");
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new BadCell(column + "应为数字，单元格内容为“" + cell.getStringCellValue().strip() + "”");
            }
        }
        throw new BadCell(column + "应为数字，单元格类型为" + describe(cell, type));
    }

    private static String date(String column, Cell cell, CellType type, DataFormatter formatter) {
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        throw new BadCell(column + "应为日期（日期单元格或YYYY-MM-DD文本），单元格类型为" + describe(cell, type));
    }

    private static boolean flag(String column, Cell cell, CellType type) {
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue();
        }
        String text = type == CellType.NUMERIC ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                : type == CellType.STRING ? cell.getStringCellValue().strip().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "是", "同意", "true", "y", "yes", "1" -> true;
            case "否", "不同意", "false", "n", "no", "0" -> false;
            default -> throw new BadCell(column + "应为是或否（TRUE/FALSE），单元格内容为“" + text + "”");
        };
    }

    /**
     * Tags are written one per line (or separated by ；), each {@code 名称|级别|有效期至|证书编号|有效期起} with the later
     * parts optional, e.g. {@code 高新技术企业|国家级|2027-12-31}; a cell starting with {@code [} is read as JSON.
     */
    private static ArrayNode tags(String cell) {
        if (cell.startsWith("[")) {
            try {
                tools.jackson.databind.JsonNode parsed = JSON.readTree(cell);
                if (parsed instanceof ArrayNode array) {
                    return array;
                }
            } catch (tools.jackson.core.JacksonException e) {
                throw new BadCell("tags单元格不是合法的JSON：" + e.getOriginalMessage());
            }
            throw new BadCell("tags单元格应为JSON数组");
        }
        ArrayNode tags = JSON.createArrayNode();
        for (String item : cell.split("[\\n；;]")) {
            if (item.isBlank()) {
                continue;
            }
            String[] parts = item.split("[|｜]", -1);
            if (parts.length > TAG_PARTS.size()) {
                throw new BadCell("资质“" + item.strip() + "”的部分过多：应为 名称|级别|有效期至|证书编号|有效期起");
            }
            ObjectNode tag = tags.addObject();
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    tag.put(TAG_PARTS.get(i), parts[i].strip());
                }
            }
        }
        return tags;
    }

    private static String describe(Cell cell, CellType type) {
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? "日期" : "数字";
            case BOOLEAN -> "布尔值";
            case STRING -> "文本";
            default -> type.name();
        };
    }
}
