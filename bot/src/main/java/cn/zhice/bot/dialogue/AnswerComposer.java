package cn.zhice.bot.dialogue;

import cn.zhice.bot.understanding.Intent;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Writes the answer a competent 窗口 staff member would give for one entry and one intent: where → offices, hours,
 * phone, online platform; how → steps, materials, conditions, time limit, fee; and so on. Every answer names the
 * entry it came from and ends with what else the user can ask about it.
 */
final class AnswerComposer {

    // Sentences end after 。 or at a line break; a sentence that names a time or deadline answers "什么时候截止".
    private static final Pattern SENTENCES = Pattern.compile("(?<=。)|\\n");
    private static final Pattern TIME_WORDS = Pattern.compile("截止|期限|时间|日前|日至|月至|之前|有效期");

    private AnswerComposer() {}

    static String compose(Entry entry, Intent intent) {
        StringBuilder text = new StringBuilder("【").append(entry.title()).append("】\n");
        String body = switch (intent) {
            case WHERE_TO_FIND -> where(entry);
            case HOW_TO_APPLY -> how(entry);
            case MATERIALS -> materials(entry);
            case ELIGIBILITY -> eligibility(entry);
            case DEADLINE -> deadline(entry);
            case CONTACT -> contact(entry);
            default -> overview(entry);
        };
        text.append(body.strip()).append('\n');
        text.append("\n来源：").append(entry.title());
        if (entry.documentNumber() != null) {
            text.append("（").append(entry.documentNumber()).append("）");
        } else if (entry.department() != null) {
            text.append("（").append(entry.department()).append("）");
        }
        String hints = hints(entry, intent);
        if (!hints.isEmpty()) {
            text.append("\n还想了解：").append(hints);
        }
        return text.toString();
    }

    /** Everything the entry says, for "详情". */
    static String details(Entry entry) {
        return Stream.of(overview(entry), where(entry), how(entry), contact(entry))
                .filter(part -> !part.isBlank())
                .distinct()
                .collect(Collectors.joining("\n\n", "【" + entry.title() + "】\n", ""));
    }

    private static String overview(Entry entry) {
        if (entry.kind() == EntryKind.FAQ && entry.answer() != null) {
            return entry.answer();
        }
        List<String> lines = new ArrayList<>();
        if (entry.summary() != null) {
            lines.add(entry.summary());
        }
        if (entry.kind() == EntryKind.POLICY) {
            if (entry.department() != null) {
                lines.add("发布单位：" + entry.department());
            }
            if (entry.validTo() != null) {
                lines.add("有效期至：" + entry.validTo());
            }
        }
        if (entry.sourceUrl() != null) {
            lines.add("原文：" + entry.sourceUrl());
        } else if (entry.where() != null && entry.where().onlineUrl() != null) {
            lines.add("网上办理：" + entry.where().onlineUrl());
        }
        return lines.isEmpty() ? firstParagraph(entry) : String.join("\n", lines);
    }

    private static String where(Entry entry) {
        List<String> lines = new ArrayList<>();
        if (entry.where() != null) {
            for (Entry.Office office : entry.where().offices()) {
                String line = Stream.of(office.name(), office.address() == null ? null : "地址：" + office.address(),
                                office.hours() == null ? null : "时间：" + office.hours(),
                                office.phone() == null ? null : "电话：" + office.phone())
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining("；"));
                lines.add("· " + line);
            }
            if (entry.where().onlineUrl() != null || entry.where().platform() != null) {
                lines.add("网上办理：" + Stream.of(entry.where().platform(), entry.where().onlineUrl())
                        .filter(Objects::nonNull).collect(Collectors.joining(" ")));
            }
        }
        if (lines.isEmpty()) {
            return entry.kind() == EntryKind.FAQ && entry.answer() != null ? entry.answer() : overview(entry);
        }
        return "办理地点：\n" + String.join("\n", lines);
    }

    private static String how(Entry entry) {
        Entry.How how = entry.how();
        if (how == null || (how.steps().isEmpty() && how.materials().isEmpty() && how.conditions() == null)) {
            return overview(entry);
        }
        List<String> lines = new ArrayList<>();
        if (!how.steps().isEmpty()) {
            lines.add("办理流程：");
            lines.add(numbered(how.steps()));
        }
        if (!how.materials().isEmpty()) {
            lines.add("所需材料（" + how.materials().size() + "项）：" + String.join("；", how.materials()));
        }
        if (how.conditions() != null) {
            lines.add("申请条件：" + how.conditions());
        }
        String limitAndFee = Stream.of(how.timeLimit() == null ? null : "办理时限：" + how.timeLimit(),
                        how.fee() == null ? null : "收费：" + how.fee())
                .filter(Objects::nonNull).collect(Collectors.joining("；"));
        if (!limitAndFee.isEmpty()) {
            lines.add(limitAndFee);
        }
        return String.join("\n", lines);
    }

    private static String materials(Entry entry) {
        if (entry.how() == null || entry.how().materials().isEmpty()) {
            return "该事项未列出需要提交的材料。\n" + overview(entry);
        }
        return "需要准备的材料：\n" + numbered(entry.how().materials());
    }

    private static String eligibility(Entry entry) {
        List<String> lines = new ArrayList<>();
        if (entry.how() != null && entry.how().conditions() != null) {
            lines.add("申请条件：" + entry.how().conditions());
        }
        List<String> notes = new ArrayList<>();
        collectNotes(entry.eligibility(), notes);
        if (!notes.isEmpty()) {
            lines.add("主要条件：\n" + numbered(notes));
        }
        if (!entry.audiences().isEmpty()) {
            lines.add("适用对象：" + String.join("、", entry.audiences()));
        }
        if (lines.isEmpty()) {
            return overview(entry);
        }
        if (entry.kind() == EntryKind.POLICY) {
            lines.add("想确认您的企业是否符合？回复「绑定企业」后可为您逐条核对。");
        }
        return String.join("\n", lines);
    }

    private static void collectNotes(JsonNode rule, List<String> notes) {
        if (rule == null || !rule.isObject()) {
            return;
        }
        for (String combinator : List.of("all", "any")) {
            if (rule.has(combinator)) {
                rule.get(combinator).forEach(child -> collectNotes(child, notes));
            }
        }
        if (rule.has("not")) {
            collectNotes(rule.get("not"), notes);
        }
        if (rule.has("note") && notes.size() < 8) {
            notes.add(rule.get("note").asString());
        }
    }

    private static String deadline(Entry entry) {
        List<String> lines = new ArrayList<>();
        if (entry.how() != null && entry.how().timeLimit() != null) {
            lines.add("办理时限：" + entry.how().timeLimit());
        }
        String body = Stream.of(entry.body(), entry.answer()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        // Split first, then look for the words: one pattern spanning a sentence around the words would try again from
        // every character of a sentence without them, which costs the square of its length.
        SENTENCES.splitAsStream(body)
                .filter(sentence -> TIME_WORDS.matcher(sentence).find())
                .limit(2)
                .forEach(sentence -> lines.add(sentence.strip()));
        if (entry.validTo() != null) {
            lines.add("政策有效期至 " + entry.validTo());
        }
        return lines.isEmpty() ? overview(entry) : String.join("\n", lines);
    }

    private static String contact(Entry entry) {
        List<String> lines = new ArrayList<>();
        entry.contacts().forEach(contact -> lines.add("· " + Stream.of(contact.name(), contact.phone())
                .filter(Objects::nonNull).collect(Collectors.joining("："))));
        if (entry.where() != null) {
            entry.where().offices().stream()
                    .filter(office -> office.phone() != null)
                    .forEach(office -> lines.add("· " + office.name() + "：" + office.phone()
                            + (office.address() == null ? "" : "（" + office.address() + "）")));
        }
        return lines.isEmpty() ? overview(entry) : "咨询电话：\n" + String.join("\n", lines.stream().distinct().toList());
    }

    private static String hints(Entry entry, Intent current) {
        List<String> hints = new ArrayList<>();
        if (current != Intent.MATERIALS && entry.how() != null && !entry.how().materials().isEmpty()) {
            hints.add("「材料」");
        }
        if (current != Intent.HOW_TO_APPLY && entry.how() != null && !entry.how().steps().isEmpty()) {
            hints.add("「流程」");
        }
        if (current != Intent.WHERE_TO_FIND && entry.where() != null && !entry.where().offices().isEmpty()) {
            hints.add("「地点」");
        }
        if (current != Intent.CONTACT && (!entry.contacts().isEmpty()
                || (entry.where() != null && entry.where().offices().stream().anyMatch(o -> o.phone() != null)))) {
            hints.add("「电话」");
        }
        if (current != Intent.ELIGIBILITY && entry.kind() == EntryKind.POLICY) {
            hints.add("「条件」");
        }
        return String.join(" ", hints);
    }

    private static String numbered(List<String> items) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            list.append(i + 1).append(". ").append(items.get(i)).append('\n');
        }
        return list.toString().strip();
    }

    private static String firstParagraph(Entry entry) {
        if (entry.body() == null) {
            return "";
        }
        String first = entry.body().strip().split("\n")[0];
        return first.length() <= 200 ? first : first.substring(0, 200) + "…";
    }
}
