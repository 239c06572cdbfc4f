package cn.zhice.matching.enterprise;

import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.EnterpriseProfile.CertifiedTag;
import cn.zhice.matching.EnterpriseProfile.Consent;
import cn.zhice.matching.EnterpriseProfile.Contacts;
import cn.zhice.matching.ImportRejected;
import cn.zhice.matching.ImportRejected.LineError;
import cn.zhice.matching.IndustryCode;
import cn.zhice.matching.InvalidUscc;
import cn.zhice.matching.UnknownIndustryCode;
import cn.zhice.matching.Uscc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the enterprise import format (JSON Lines, one enterprise a line): {@code uscc, name, industryCode, employees,
 * revenueWan, assetsWan, region, registeredOn, tags[{name, level, validTo}], contacts{mobile, email, wechatOpenId},
 * consent{sms, email, wechat}}. All or nothing: every bad line is reported with its number, then nothing is returned.
 */
final class EnterpriseLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("uscc", "name", "industryCode", "employees", "revenueWan",
            "assetsWan", "region", "registeredOn", "tags", "contacts", "consent");
    private static final Set<String> TAG_FIELDS = Set.of("name", "level", "certificateNo", "validFrom", "validTo");
    private static final Set<String> CONTACT_FIELDS = Set.of("mobile", "email", "wechatOpenId");
    private static final Set<String> CONSENT_FIELDS = Set.of("sms", "email", "wechat");

    private EnterpriseLines() {}

    /** A field of one line is wrong; collected into {@link ImportRejected}. */
    static final class Bad extends RuntimeException {
        final String field;

        Bad(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /**
     * The profiles of every non-blank line.
     *
     * @throws ImportRejected listing every bad line when any line is bad
     */
    static List<EnterpriseProfile> read(Reader reader, int maxLines) {
        Batch batch = new Batch(maxLines);
        try (BufferedReader in = new BufferedReader(reader)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(line);
                } catch (JacksonException e) {
                    if (!batch.error(number, null, "不是合法的JSON：" + e.getOriginalMessage())) {
                        break;
                    }
                    continue;
                }
                if (!batch.add(number, json)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batch.profiles();
    }

    /**
     * Collects the enterprises of one import, whatever its format, in the JSON Lines shape: every bad line (or
     * spreadsheet row) with its number, duplicates within the file and the size limit.
     */
    static final class Batch {
        private final int maxLines;
        private final List<EnterpriseProfile> profiles = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Set<Integer> badLines = new HashSet<>();
        private boolean full;

        Batch(int maxLines) {
            this.maxLines = maxLines;
        }

        /** Reads one enterprise; returns false once the import is over its size limit (stop reading). */
        boolean add(int number, JsonNode json) {
            if (!room(number)) {
                return false;
            }
            try {
                EnterpriseProfile p = profile(json);
                Integer first = seen.putIfAbsent(p.uscc().value(), number);
                if (first != null) {
                    throw new Bad("uscc", "统一社会信用代码" + p.uscc() + "与第" + first + "行重复");
                }
                profiles.add(p);
            } catch (Bad e) {
                errors.add(new LineError(number, e.field, e.getMessage()));
                badLines.add(number);
            }
            return true;
        }

        /** Records a problem found before the line could be read; returns false once over the size limit. */
        boolean error(int number, String field, String reason) {
            if (!badLines.contains(number) && !room(number)) {
                return false;
            }
            errors.add(new LineError(number, field, reason));
            badLines.add(number);
            return true;
        }

        private boolean room(int number) {
            if (full) {
                return false;
            }
            if (profiles.size() + badLines.size() >= maxLines) {
                errors.add(new LineError(number, null, "一次最多导入" + maxLines + "家企业"));
                full = true;
                return false;
            }
            return true;
        }

        /**
         * The enterprises read.
         *
         * @throws ImportRejected listing every bad line, in line order, when any line is bad
         */
        List<EnterpriseProfile> profiles() {
            if (!errors.isEmpty()) {
                List<LineError> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparingInt(LineError::line));
                throw new ImportRejected(sorted);
            }
            return profiles;
        }
    }

    /** One enterprise from its JSON object; throws {@link Bad} naming the first bad field. */
    static EnterpriseProfile profile(JsonNode json) {
        if (!json.isObject()) {
            throw new Bad(null, "每行应为一个JSON对象");
        }
        only(json, FIELDS, "");
        Uscc uscc;
        try {
            uscc = Uscc.parse(text(json, "uscc", true));
        } catch (InvalidUscc e) {
            throw new Bad("uscc", e.reason());
        }
        String name = text(json, "name", true);
        IndustryCode code = null;
        String codeText = text(json, "industryCode", false);
        if (codeText != null) {
            try {
                code = IndustryCode.parse(codeText);
            } catch (UnknownIndustryCode e) {
                throw new Bad("industryCode", e.getMessage());
            }
        }
        BigDecimal employees = number(json, "employees");
        if (employees != null && employees.stripTrailingZeros().scale() > 0) {
            throw new Bad("employees", "从业人员应为整数");
        }
        List<CertifiedTag> tags = new ArrayList<>();
        JsonNode tagList = json.get("tags");
        if (tagList != null && !tagList.isNull()) {
            if (!tagList.isArray()) {
                throw new Bad("tags", "tags应为数组");
            }
            for (int i = 0; i < tagList.size(); i++) {
                JsonNode t = tagList.get(i);
                String prefix = "tags[" + i + "].";
                if (!t.isObject()) {
                    throw new Bad("tags[" + i + "]", "标签应为对象");
                }
                only(t, TAG_FIELDS, prefix);
                tags.add(new CertifiedTag(text(t, "name", true, prefix), text(t, "level", false, prefix),
                        text(t, "certificateNo", false, prefix), date(t, "validFrom", prefix), date(t, "validTo", prefix)));
            }
        }
        JsonNode c = object(json, "contacts", CONTACT_FIELDS);
        Contacts contacts = c == null ? null : new Contacts(text(c, "mobile", false, "contacts."),
                text(c, "email", false, "contacts."), text(c, "wechatOpenId", false, "contacts."));
        JsonNode k = object(json, "consent", CONSENT_FIELDS);
        Consent consent = k == null ? null
                : new Consent(bool(k, "sms"), bool(k, "email"), bool(k, "wechat"));
        return new EnterpriseProfile(uscc, name, null, code, null, text(json, "region", false),
                date(json, "registeredOn", ""), employees == null ? null : employees.intValueExact(),
                number(json, "revenueWan"), number(json, "assetsWan"), tags, contacts, consent);
    }

    private static void only(JsonNode json, Set<String> allowed, String prefix) {
        for (String name : json.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new Bad(prefix + name, "未知字段“" + prefix + name + "”");
            }
        }
    }

    private static JsonNode object(JsonNode json, String field, Set<String> allowed) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Bad(field, field + "应为对象");
        }
        only(node, allowed, field + ".");
        return node;
    }

    private static String text(JsonNode json, String field, boolean required) {
        return text(json, field, required, "");
    }

    private static String text(JsonNode json, String field, boolean required, String prefix) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
            if (required) {
                throw new Bad(prefix + field, "缺少" + prefix + field);
            }
            return null;
        }
        if (!node.isString()) {
            throw new Bad(prefix + field, prefix + field + "应为字符串");
        }
        return node.asString().strip();
    }

    private static BigDecimal number(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new Bad(field, field + "应为数字");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0) {
            throw new Bad(field, field + "不能为负数，实际为" + value.toPlainString());
        }
        return value;
    }

    private static LocalDate date(JsonNode json, String field, String prefix) {
        String text = text(json, field, false, prefix);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Bad(prefix + field, prefix + field + "应为YYYY-MM-DD格式的日期，实际为“" + text + "”");
        }
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new Bad("consent." + field, "consent." + field + "应为true或false");
        }
        return node.asBoolean();
    }
}
