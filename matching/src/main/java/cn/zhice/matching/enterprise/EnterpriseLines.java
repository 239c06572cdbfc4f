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
import java.util.HashMap;
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
    private static final class Bad extends RuntimeException {
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
        List<EnterpriseProfile> profiles = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (profiles.size() + errors.size() >= maxLines) {
                    errors.add(new LineError(number, null, "一次最多导入" + maxLines + "家企业"));
                    break;
                }
                try {
                    EnterpriseProfile p = profile(JSON.readTree(line));
                    Integer first = seen.putIfAbsent(p.uscc().value(), number);
                    if (first != null) {
                        throw new Bad("uscc", "统一社会信用代码" + p.uscc() + "与第" + first + "行重复");
                    }
                    profiles.add(p);
                } catch (Bad e) {
                    errors.add(new LineError(number, e.field, e.getMessage()));
                } catch (JacksonException e) {
                    errors.add(new LineError(number, null, "不是合法的JSON：" + e.getOriginalMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return profiles;
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
