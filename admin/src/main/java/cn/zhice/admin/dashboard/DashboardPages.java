package cn.zhice.admin.dashboard;

import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.ConversationLog.Stats;
import cn.zhice.kb.Entry;
import cn.zhice.kb.KbCuration;
import cn.zhice.matching.EnterpriseProfile;
import cn.zhice.matching.Enterprises;
import cn.zhice.matching.Uscc;
import cn.zhice.push.PushStatistics;
import cn.zhice.push.PushStatistics.ChannelFunnel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 数据看板: questions per day, intents, most asked entries, unanswered rate and satisfaction (users' 满意/不满意
 * ratings of answers) trend, and categories of
 * interest by enterprise type and size (用户行为分析、关注度分析、政策关注分析), and the push funnel per channel, with
 * CSV and Excel export.
 */
@Controller
@RequestMapping("/admin/dashboard")
class DashboardPages {

    /** The per-day columns of both exports, in order. */
    private static final String[] DAY_COLUMNS = {"日期", "提问数", "未答数", "意见反馈数", "未答率", "评价满意数",
        "评价不满意数", "满意度（用户评价）"};

    private final ConversationLog conversations;
    private final KbCuration kb;
    private final Enterprises enterprises;
    private final PushStatistics push;
    private final ZoneId zone;
    private final Clock clock;

    DashboardPages(ConversationLog conversations, KbCuration kb, Enterprises enterprises, PushStatistics push,
            @Value("${zhice.time-zone:Asia/Shanghai}") String zone, Clock clock) {
        this.conversations = conversations;
        this.kb = kb;
        this.enterprises = enterprises;
        this.push = push;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        Range range = range(from, to);
        Figures figures = figures(range);
        model.addAttribute("from", range.from());
        model.addAttribute("to", range.to());
        model.addAttribute("figures", figures);
        return "admin/dashboard";
    }

    @GetMapping("/data")
    @ResponseBody
    Figures data(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures(range(from, to));
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Range range = range(from, to);
        StringBuilder csv = new StringBuilder("\uFEFF" + String.join(",", DAY_COLUMNS) + "\n");
        for (DayFigure d : figures(range).days()) {
            csv.append(d.day()).append(',').append(d.questions()).append(',').append(d.unanswered()).append(',')
                    .append(d.dissatisfied()).append(',').append(d.unansweredRate()).append(',')
                    .append(d.ratedSatisfied()).append(',').append(d.ratedDissatisfied()).append(',')
                    .append(d.satisfaction() == null ? "" : d.satisfaction()).append('\n');
        }
        return download(csv.toString().getBytes(StandardCharsets.UTF_8), "zhice-dashboard-" + range.from() + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        Range range = range(from, to);
        Figures figures = figures(range);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet days = book.createSheet("每日提问");
            row(days, 0, (Object[]) DAY_COLUMNS);
            int r = 1;
            for (DayFigure d : figures.days()) {
                row(days, r++, d.day().toString(), d.questions(), d.unanswered(), d.dissatisfied(), d.unansweredRate(),
                        d.ratedSatisfied(), d.ratedDissatisfied(), d.satisfaction() == null ? "" : d.satisfaction());
            }
            Sheet intents = book.createSheet("意图分布");
            row(intents, 0, "意图", "次数");
            r = 1;
            for (var e : figures.intents().entrySet()) {
                row(intents, r++, e.getKey(), e.getValue());
            }
            Sheet entries = book.createSheet("热门条目");
            row(entries, 0, "编号", "标题", "分类", "次数");
            r = 1;
            for (EntryFigure e : figures.topEntries()) {
                row(entries, r++, e.externalId(), e.title(), e.category(), e.count());
            }
            Sheet interest = book.createSheet("企业关注分类");
            row(interest, 0, "企业类型", "企业规模", "政策分类", "次数");
            r = 1;
            for (InterestFigure i : figures.interests()) {
                row(interest, r++, i.registrationType(), i.size(), i.category(), i.count());
            }
            Sheet channels = book.createSheet("推送渠道漏斗");
            row(channels, 0, "渠道", "未发送", "已发送", "已送达", "失败", "点击", "有用", "没用");
            r = 1;
            for (ChannelFunnel c : figures.channels()) {
                row(channels, r++, c.channel().label(), c.suppressed(), c.sent(), c.delivered(), c.failed(), c.clicked(),
                        c.useful(), c.notUseful());
            }
            book.write(out);
            return download(out.toByteArray(), "zhice-dashboard-" + range.from() + ".xlsx",
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        }
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(values[i]));
            }
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(type)
                .body(body);
    }

    private Range range(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            start = end;
        }
        if (start.isBefore(end.minusDays(366))) {
            start = end.minusDays(366);
        }
        return new Range(start, end);
    }

    private Figures figures(Range range) {
        Stats stats = conversations.stats(range.from(), range.to(), zone);
        List<DayFigure> days = stats.days().stream().map(d -> new DayFigure(d.day(), d.questions(), d.unanswered(),
                d.dissatisfied(), rate(d.unanswered(), d.questions()), d.ratedSatisfied(), d.ratedDissatisfied(),
                satisfaction(d.ratedSatisfied(), d.ratedDissatisfied()))).toList();
        Map<String, Entry> entries = new HashMap<>();
        List<EntryFigure> top = stats.entries().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .map(e -> {
                    Entry entry = entry(entries, e.getKey());
                    return new EntryFigure(e.getKey(), entry == null ? e.getKey() : entry.title(),
                            entry == null ? "其他" : entry.category(), e.getValue());
                })
                .toList();
        Map<String, Long> intents = new LinkedHashMap<>();
        stats.intents().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> intents.put(e.getKey(), e.getValue()));
        Map<List<String>, Long> interest = new HashMap<>();
        for (ConversationLog.EnterpriseHit hit : stats.enterpriseHits()) {
            Entry entry = entry(entries, hit.entryId());
            EnterpriseProfile profile = enterprises.find(new Uscc(hit.uscc())).orElse(null);
            if (entry == null || profile == null) {
                continue;
            }
            String size = enterprises.derived(profile.uscc())
                    .map(d -> d.size() == null ? "未划型" : d.size().label()).orElse("未划型");
            interest.merge(List.of(profile.registrationType().label(), size, entry.category()), hit.count(), Long::sum);
        }
        List<InterestFigure> interests = new ArrayList<>();
        interest.forEach((k, v) -> interests.add(new InterestFigure(k.get(0), k.get(1), k.get(2), v)));
        interests.sort(Comparator.comparingLong(InterestFigure::count).reversed());
        long questions = days.stream().mapToLong(DayFigure::questions).sum();
        long unanswered = days.stream().mapToLong(DayFigure::unanswered).sum();
        long satisfied = days.stream().mapToLong(DayFigure::ratedSatisfied).sum();
        long dissatisfied = days.stream().mapToLong(DayFigure::ratedDissatisfied).sum();
        List<ChannelFunnel> channels = push.byChannel(range.from().atStartOfDay(zone).toInstant(),
                range.to().plusDays(1).atStartOfDay(zone).toInstant());
        long useful = channels.stream().mapToLong(ChannelFunnel::useful).sum();
        long votes = useful + channels.stream().mapToLong(ChannelFunnel::notUseful).sum();
        return new Figures(questions, rate(unanswered, questions), satisfaction(satisfied, dissatisfied), days, intents, top, interests, channels, votes == 0 ? null : rate(useful, votes));
    }

    private Entry entry(Map<String, Entry> cache, String id) {
        return cache.computeIfAbsent(id, key -> kb.find(key).map(KbCuration.Curated::content).orElse(null));
    }

    /** 满意 among the ratings, null without any: no ratings is no evidence either way. */
    private static Double satisfaction(long satisfied, long dissatisfied) {
        return satisfied + dissatisfied == 0 ? null : rate(satisfied, satisfied + dissatisfied);
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    record Range(LocalDate from, LocalDate to) {}

    /**
     * Everything the dashboard shows; rates are fractions rounded to three places. {@code satisfaction} is the share of
     * 满意 among users' ratings of answers and {@code usefulRate} the share of 有用 among the 有用/没用 votes on pushed
     * policies, each null without any.
     */
    record Figures(long questions, double unansweredRate, Double satisfaction, List<DayFigure> days,
            Map<String, Long> intents, List<EntryFigure> topEntries, List<InterestFigure> interests,
            List<ChannelFunnel> channels, Double usefulRate) {}

    /** One day; {@code dissatisfied} counts complaints, {@code satisfaction} is null on a day without ratings. */
    record DayFigure(LocalDate day, long questions, long unanswered, long dissatisfied, double unansweredRate,
            long ratedSatisfied, long ratedDissatisfied, Double satisfaction) {}

    record EntryFigure(String externalId, String title, String category, long count) {}

    record InterestFigure(String registrationType, String size, String category, long count) {}
}
