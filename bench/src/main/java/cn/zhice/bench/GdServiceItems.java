package cn.zhice.bench;

import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 广东政务服务网 service items (the {@code gd-service-items.jsonl} dataset) as {@link EntryKind#SERVICE_GUIDE} entries;
 * the field mapping is the table in {@code docs/gd-mapping.md}. The crawl is ragged: any field may be null, the
 * placeholder "无", a string or a list, so every read goes through {@link #text} or {@link #texts}.
 */
final class GdServiceItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** "无" is the crawl's placeholder for an empty field; "无线下办理窗口" means the item is online only. */
    private static final Set<String> NOTHING = Set.of("无", "无线下办理窗口");

    private static final String LOCATION_PREFIX = "办理地点：";

    /** 承诺办结时限 as crawled: "18(工作日)", "90(自然日)". */
    private static final Pattern TIME_LIMIT = Pattern.compile("(\\d+)\\s*[(（]\\s*(工作日|自然日)\\s*[)）]");

    /** Audience names the dataset spells differently from the import schema's list. */
    private static final Map<String, String> AUDIENCES = Map.of("事业法人", "事业单位法人");

    /**
     * The dataset has no fee field, so every item is assumed free; search does not index the fee, so the assumption
     * cannot move the retrieval numbers.
     */
    private static final String FEE = "不收费";

    private static final String CATEGORY = "其他";

    /** A theme that says nothing about the item, so it is not worth a keyword. */
    private static final String NO_THEME = "其他";

    private GdServiceItems() {}

    /** Every item of the dataset file; blank lines are skipped, a line without code or name fails with its number. */
    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(toEntry(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        return entries;
    }

    static Entry toEntry(String line) {
        return toEntry(JSON.readTree(line));
    }

    static Entry toEntry(JsonNode item) {
        String code = text(item, "TASK_CODE");
        String name = text(item, "TASK_NAME");
        if (code == null || name == null) {
            throw new IllegalArgumentException("a service item needs TASK_CODE and TASK_NAME");
        }
        String department = text(item, "DEPT_NAME");
        String conditions = text(item, "accept_standard");
        Entry.Where where = new Entry.Where(
                List.of(new Entry.Office(department, address(text(item, "handle_location")), null,
                        text(item, "consult_phone"))),
                text(item, "URL"),
                text(item, "bear_paltform"));
        Entry.How how = new Entry.How(
                List.of(),
                texts(item, "material_intro"),
                conditions,
                timeLimit(text(item, "handle_time_limit")),
                FEE);
        return new Entry(
                code,
                EntryKind.SERVICE_GUIDE,
                name,
                summary(department, text(item, "TASK_TYPE_TEXT")),
                conditions,
                CATEGORY,
                department,
                text(item, "AREA_CODE_TEXT"),
                null, null, null, null,
                where,
                how,
                List.of(),
                texts(item, "service_object_name").stream().map(a -> AUDIENCES.getOrDefault(a, a)).distinct().toList(),
                keywords(item, name),
                List.of(),
                null,
                null,
                null);
    }

    static String summary(String department, String type) {
        if (department == null) {
            return type == null ? null : type + "事项";
        }
        return department + "办理的" + (type == null ? "" : type) + "事项";
    }

    /** The office address without the "办理地点：" label; null for online-only items. */
    static String address(String location) {
        if (location == null) {
            return null;
        }
        String address = location.startsWith(LOCATION_PREFIX) ? location.substring(LOCATION_PREFIX.length()) : location;
        return clean(address);
    }

    /** "18(工作日)" becomes "18个工作日"; anything else is kept as written. */
    static String timeLimit(String crawled) {
        if (crawled == null) {
            return null;
        }
        Matcher matcher = TIME_LIMIT.matcher(crawled);
        return matcher.matches() ? matcher.group(1) + "个" + matcher.group(2) : crawled;
    }

    private static List<String> keywords(JsonNode item, String name) {
        Set<String> keywords = new LinkedHashSet<>();
        texts(item, "theme_category").stream().filter(theme -> !NO_THEME.equals(theme)).forEach(keywords::add);
        String catalog = text(item, "parentCatalogName");
        if (catalog != null && !catalog.equals(name)) {
            keywords.add(catalog);
        }
        return List.copyOf(keywords);
    }

    /** A single text: a string, or the first non-empty element of a list; null when absent or "无". */
    static String text(JsonNode item, String field) {
        List<String> values = texts(item, field);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every non-empty text of a field, whether the crawl stored a string, a list or nothing. */
    static List<String> texts(JsonNode item, String field) {
        JsonNode node = item.path(field);
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                add(values, element);
            }
        } else {
            add(values, node);
        }
        return values;
    }

    private static void add(List<String> values, JsonNode node) {
        if (node.isString() || node.isNumber() || node.isBoolean()) {
            String value = clean(node.asString());
            if (value != null) {
                values.add(value);
            }
        }
    }

    private static String clean(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() || NOTHING.contains(stripped) ? null : stripped;
    }
}
