package cn.zhice.push.delivery;

import cn.zhice.kb.Entry;
import cn.zhice.matching.Eligibility;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders every message from the templates under {@code templates/push/}: the SMS text (ending with 拒收请回复R as
 * carriers require), the email's HTML and plain-text parts, and the WeChat template's field values. Plain notices, no
 * marketing wording.
 */
public final class MessageTemplates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public MessageTemplates() {
        ClassLoaderTemplateResolver html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/push/");
        html.setSuffix(".html");
        html.setTemplateMode(TemplateMode.HTML);
        html.setCharacterEncoding("UTF-8");
        html.setCheckExistence(true);
        html.setOrder(1);
        ClassLoaderTemplateResolver text = new ClassLoaderTemplateResolver();
        text.setPrefix("templates/push/");
        text.setSuffix(".txt");
        text.setTemplateMode(TemplateMode.TEXT);
        text.setCharacterEncoding("UTF-8");
        text.setCheckExistence(true);
        text.setOrder(2);
        engine.addTemplateResolver(html);
        engine.addTemplateResolver(text);
        engine.setEnableSpringELCompiler(true);
    }

    /** An email: subject, HTML and plain text. */
    public record Mail(String subject, String html, String text) {}

    public String sms(OutgoingMessage message) {
        return engine.process("sms", context(message)).strip();
    }

    public Mail mail(OutgoingMessage message) {
        Context context = context(message);
        String subject = (message.delivery().kind() == DeliveryKind.REMINDER ? "申报截止提醒：" : "政策通知：")
                + message.policy().title();
        return new Mail(subject, engine.process("mail-html", context), engine.process("mail-text", context));
    }

    /** The WeChat template's values by template field, as mapped in configuration. */
    public Map<String, String> wechat(OutgoingMessage message, Map<String, String> fieldMap) {
        Map<String, String> values = values(message);
        Map<String, String> fields = new LinkedHashMap<>();
        fieldMap.forEach((field, name) -> {
            String value = values.getOrDefault(name, "");
            // WeChat's thing.DATA fields take at most 20 characters
            fields.put(field, field.startsWith("thing") && value.length() > 20 ? value.substring(0, 19) + "…" : value);
        });
        return fields;
    }

    private Map<String, String> values(OutgoingMessage message) {
        Entry policy = message.policy();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", policy.title());
        values.put("summary", policy.summary() == null ? "" : policy.summary());
        values.put("deadline", policy.validTo() == null ? "长期有效" : DATE.format(policy.validTo()));
        values.put("department", policy.department() == null ? "" : policy.department());
        values.put("reason", message.reasons().isEmpty() ? eligibilityLabel(message) : message.reasons().get(0));
        values.put("date", policy.publishedOn() == null ? "" : DATE.format(policy.publishedOn()));
        return values;
    }

    private Context context(OutgoingMessage message) {
        Context context = new Context();
        Entry policy = message.policy();
        context.setVariable("policy", policy);
        context.setVariable("title", policy.title());
        context.setVariable("summary", policy.summary());
        context.setVariable("deadline", policy.validTo() == null ? null : DATE.format(policy.validTo()));
        context.setVariable("enterprise", message.enterpriseName());
        context.setVariable("reasons", message.reasons());
        context.setVariable("eligibility", eligibilityLabel(message));
        context.setVariable("reminder", message.delivery().kind() == DeliveryKind.REMINDER);
        context.setVariable("link", message.link());
        context.setVariable("unsubscribe", message.unsubscribeLink());
        return context;
    }

    private static String eligibilityLabel(OutgoingMessage message) {
        try {
            return Eligibility.valueOf(message.delivery().eligibility()).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }
}
