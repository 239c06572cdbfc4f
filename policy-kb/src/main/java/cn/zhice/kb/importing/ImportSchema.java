package cn.zhice.kb.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.databind.JsonNode;

/**
 * The field names of the import format (docs/kb-format.md), checked at every depth so that every misspelt field
 * on a line is reported at once, with the nearest valid name as a hint.
 */
final class ImportSchema {

    static final Set<String> TOP = Set.of(
            "externalId", "kind", "title", "summary", "body", "category", "department", "region", "documentNumber",
            "publishedOn", "validFrom", "validTo", "where", "how", "contacts", "audiences", "keywords", "questions",
            "answer", "sourceUrl", "eligibility", "status");
    static final Set<String> LIST_FIELDS = Set.of("audiences", "keywords", "questions");
    /** Where a list field's spreadsheet cell is split into items (unless the cell is a JSON array). */
    static final Pattern LIST_SEPARATOR = Pattern.compile("[\\n；;]");
    static final Set<String> OBJECT_FIELDS = Set.of("where", "how", "contacts", "eligibility");
    private static final Set<String> WHERE = Set.of("offices", "onlineUrl", "platform");
    private static final Set<String> OFFICE = Set.of("name", "address", "hours", "phone");
    private static final Set<String> HOW = Set.of("steps", "materials", "conditions", "timeLimit", "fee");
    private static final Set<String> CONTACT = Set.of("name", "phone");
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private ImportSchema() {}

    /** Unknown field paths with a message each; the eligibility tree is checked separately. */
    static List<Map.Entry<String, String>> unknownFields(JsonNode line) {
        List<Map.Entry<String, String>> unknown = new ArrayList<>();
        check(line, "", TOP, unknown);
        JsonNode where = line.get("where");
        if (where != null && where.isObject()) {
            check(where, "where.", WHERE, unknown);
            JsonNode offices = where.get("offices");
            if (offices != null && offices.isArray()) {
                for (int i = 0; i < offices.size(); i++) {
                    check(offices.get(i), "where.offices[" + i + "].", OFFICE, unknown);
                }
            }
        }
        JsonNode how = line.get("how");
        if (how != null && how.isObject()) {
            check(how, "how.", HOW, unknown);
        }
        JsonNode contacts = line.get("contacts");
        if (contacts != null && contacts.isArray()) {
            for (int i = 0; i < contacts.size(); i++) {
                check(contacts.get(i), "contacts[" + i + "].", CONTACT, unknown);
            }
        }
        return unknown;
    }

    private static void check(JsonNode node, String prefix, Set<String> known, List<Map.Entry<String, String>> unknown) {
        if (!node.isObject()) {
            return;
        }
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(Map.entry(prefix + name, hint(name, known)));
            }
        }
    }

    private static String hint(String name, Set<String> known) {
        return known.stream()
                .filter(candidate -> DISTANCE.apply(name.toLowerCase(), candidate.toLowerCase()) >= 0)
                .min((a, b) -> DISTANCE.apply(name.toLowerCase(), a.toLowerCase())
                        - DISTANCE.apply(name.toLowerCase(), b.toLowerCase()))
                .map(candidate -> "未知字段，是否想写 \"" + candidate + "\"？")
                .orElse("未知字段；可用字段见导入格式说明 (docs/kb-format.md)");
    }
}
