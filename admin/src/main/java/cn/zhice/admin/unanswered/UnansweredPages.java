package cn.zhice.admin.unanswered;

import cn.zhice.admin.AdminProperties;
import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.bot.AnswerPreview;
import cn.zhice.bot.ConversationLog;
import cn.zhice.bot.ConversationLog.FlaggedTurn;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryPublished;
import cn.zhice.kb.KbCuration;
import cn.zhice.kb.KnowledgeBase;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 未解决问题: the bot's unanswered, low-confidence and 不满意 turns grouped by similar wording, with the actions that
 * close the loop: answer by linking an entry (askers still within WeChat's 48 hours get the answer at once), draft a
 * new FAQ from the question (askers get it when it is published), or ignore.
 */
@Controller
@RequestMapping("/admin/unanswered")
class UnansweredPages {

    private final ConversationLog conversations;
    private final Resolutions resolutions;
    private final KnowledgeBase knowledgeBase;
    private final KbCuration kb;
    private final AnswerPreview answers;
    private final AdminProperties properties;
    private final Clock clock;

    UnansweredPages(ConversationLog conversations, Resolutions resolutions, KnowledgeBase knowledgeBase,
            KbCuration kb, AnswerPreview answers, AdminProperties properties, Clock clock) {
        this.conversations = conversations;
        this.resolutions = resolutions;
        this.knowledgeBase = knowledgeBase;
        this.kb = kb;
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Set<Long> resolved = resolutions.resolvedTurns();
        List<FlaggedTurn> open = conversations.flagged(OffsetDateTime.now(clock).minusDays(properties.unansweredDays()), 5000)
                .stream().filter(t -> !resolved.contains(t.id())).toList();
        model.addAttribute("clusters", QuestionClusters.of(open));
        model.addAttribute("turns", open.size());
        model.addAttribute("days", properties.unansweredDays());
        return "admin/unanswered";
    }

    @PostMapping("/link")
    String link(@RequestParam List<Long> turnIds, @RequestParam String entryId, Principal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        Optional<Entry> entry = knowledgeBase.visible(entryId.strip());
        if (entry.isEmpty()) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "没有已发布且在有效期内的条目 " + entryId + "，请检查编号");
            return "redirect:/admin/unanswered";
        }
        int sent = conversations.answerAskers(turnIds, followUp(entry.get()));
        resolutions.resolve(turnIds, "LINKED", entry.get().externalId(), user.getName(), true);
        AuditTrail.summary(request, "以 " + entry.get().externalId() + " 回答 " + turnIds.size() + " 个未解决问题，已推送 " + sent + " 人");
        redirect.addFlashAttribute("ok", "已关联「" + entry.get().title() + "」；" + sent + " 位仍在 48 小时内的提问者已收到回答");
        return "redirect:/admin/unanswered";
    }

    @PostMapping("/faq")
    String draftFaq(@RequestParam List<Long> turnIds, @RequestParam String wording, Principal user,
            HttpServletRequest request) {
        String id = "QH-FAQ-U" + OffsetDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        resolutions.resolve(turnIds, "FAQ", id, user.getName(), false);
        AuditTrail.summary(request, "为 " + turnIds.size() + " 个未解决问题预留新常见问题 " + id);
        return "redirect:/admin/kb/new?kind=FAQ&externalId=" + enc(id) + "&title=" + enc(wording)
                + "&questions=" + enc(wording);
    }

    @PostMapping("/ignore")
    String ignore(@RequestParam List<Long> turnIds, Principal user, HttpServletRequest request,
            RedirectAttributes redirect) {
        resolutions.resolve(turnIds, "IGNORED", null, user.getName(), false);
        AuditTrail.summary(request, "忽略 " + turnIds.size() + " 个未解决问题");
        redirect.addFlashAttribute("ok", "已忽略");
        return "redirect:/admin/unanswered";
    }

    /** A FAQ drafted from unanswered questions was published: answer the askers still within 48 hours. */
    @EventListener
    void published(EntryPublished event) {
        List<Long> waiting = resolutions.awaiting(event.externalId());
        if (waiting.isEmpty()) {
            return;
        }
        kb.find(event.externalId()).ifPresent(entry -> {
            conversations.answerAskers(waiting, followUp(entry.content()));
            resolutions.notified(waiting);
        });
    }

    private String followUp(Entry entry) {
        return "您之前咨询的问题有答复了：\n" + answers.preview(entry, null).reply();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
