package cn.zhice.admin.campaigns;

import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.admin.console.Problems;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.KnowledgeBase;
import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignPreview;
import cn.zhice.push.CampaignStatus;
import cn.zhice.push.Campaigns;
import cn.zhice.push.Channel;
import cn.zhice.push.NewCampaign;
import cn.zhice.push.SelfApproval;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 推送 pages: the campaign list, the wizard (policy → channels and schedule → preview → submit), the reviewers'
 * approval queue, a campaign's live funnel and the dead letters. Every rule (four-eyes, states, validation) is push's
 * own, through {@link Campaigns}; who may press which button is declared in the security configuration.
 */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignPages {

    private static final int POLICY_CHOICES = 30;
    private static final int APPROVALS_PER_PAGE = 10;

    private final Campaigns campaigns;
    private final KnowledgeBase knowledgeBase;
    private final ZoneId zone;
    private final Clock clock;

    CampaignPages(Campaigns campaigns, KnowledgeBase knowledgeBase,
            @Value("${zhice.time-zone:Asia/Shanghai}") String zone, Clock clock) {
        this.campaigns = campaigns;
        this.knowledgeBase = knowledgeBase;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("zone", zone);
    }

    @GetMapping
    String list(@RequestParam(required = false) CampaignStatus status, Model model) {
        List<Campaign> all = campaigns.list(200);
        model.addAttribute("campaigns", status == null ? all : all.stream().filter(c -> c.status() == status).toList());
        model.addAttribute("status", status);
        model.addAttribute("statuses", CampaignStatus.values());
        model.addAttribute("pendingCount", all.stream().filter(c -> c.status() == CampaignStatus.PENDING_APPROVAL).count());
        return "admin/campaigns/list";
    }

    /** Steps 1 and 2: search a published policy with eligibility rules, then choose channels and a schedule. */
    @GetMapping("/new")
    String wizard(@ModelAttribute("form") CampaignForm form, @RequestParam(required = false) String q, Model model) {
        return wizardPage(form, q, model);
    }

    /** Step 3: what the campaign would send, computed without creating it. */
    @PostMapping("/preview")
    String preview(@ModelAttribute("form") CampaignForm form, Principal user, HttpServletRequest request, Model model) {
        AuditTrail.skip(request);
        try {
            model.addAttribute("preview", campaigns.preview(request(form), user.getName()));
        } catch (ErrorResponseException e) {
            show(model, form, e);
        }
        return wizardPage(form, null, model);
    }

    /** Step 4: creates the campaign pending approval. */
    @PostMapping
    String create(@ModelAttribute("form") CampaignForm form, Principal user, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            Campaign created = campaigns.create(request(form), user.getName());
            AuditTrail.summary(request, "新建推送任务 #" + created.id() + "：" + describe(created));
            redirect.addFlashAttribute("ok", "推送任务已提交，等待审核人批准");
            return "redirect:/admin/campaigns/" + created.id();
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            show(model, form, e);
            return wizardPage(form, null, model);
        }
    }

    /** Pending campaigns newest first, a page at a time; each preview is loaded as its card scrolls into view. */
    @GetMapping("/approvals")
    String approvals(@RequestParam(defaultValue = "0") int page, Principal user, Model model) {
        List<Campaign> pending = campaigns.list(500).stream()
                .filter(c -> c.status() == CampaignStatus.PENDING_APPROVAL)
                .toList();
        int pages = Math.max(1, (pending.size() + APPROVALS_PER_PAGE - 1) / APPROVALS_PER_PAGE);
        int current = Math.max(0, Math.min(page, pages - 1));
        List<Review> reviews = pending.stream()
                .skip((long) current * APPROVALS_PER_PAGE)
                .limit(APPROVALS_PER_PAGE)
                .map(c -> new Review(c, c.createdBy().equals(user.getName())))
                .toList();
        model.addAttribute("reviews", reviews);
        model.addAttribute("pendingTotal", pending.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "admin/campaigns/approvals";
    }

    /** One campaign's preview as a fragment (the approval queue loads it lazily). */
    @GetMapping("/{id}/preview")
    String previewFragment(@PathVariable long id, Model model) {
        model.addAttribute("preview", previewOrNull(campaigns.find(id)));
        return "admin/campaigns/preview";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Principal user, Model model) {
        Campaign campaign = campaigns.find(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("own", campaign.createdBy().equals(user.getName()));
        if (campaign.status() == CampaignStatus.PENDING_APPROVAL || campaign.status() == CampaignStatus.APPROVED) {
            model.addAttribute("preview", previewOrNull(campaign));
        }
        return "admin/campaigns/detail";
    }

    /** The funnel card alone, polled by htmx while the campaign is approved or running. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.find(id));
        return "admin/campaigns/progress";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, Principal user, HttpServletRequest request, RedirectAttributes redirect,
            @RequestParam(defaultValue = "detail") String back) {
        try {
            Campaign approved = campaigns.approve(id, user.getName());
            AuditTrail.summary(request, "批准推送任务 #" + id + "：" + describe(approved));
            redirect.addFlashAttribute("ok", approved.scheduledAt() == null ? "已批准，推送马上开始"
                    : "已批准，将于计划时间开始推送");
        } catch (SelfApproval e) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "不能批准自己创建的推送任务，须由其他审核人批准（四眼原则）");
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.flash(redirect, e);
        }
        return backTo(back, id);
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, Principal user, HttpServletRequest request, RedirectAttributes redirect,
            @RequestParam(defaultValue = "detail") String back) {
        try {
            Campaign cancelled = campaigns.cancel(id, user.getName());
            AuditTrail.summary(request, "取消推送任务 #" + id + "：" + describe(cancelled));
            redirect.addFlashAttribute("ok", "推送任务已取消");
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.flash(redirect, e);
        }
        return backTo(back, id);
    }

    /** Approve and cancel are offered on the approval queue and on the campaign's page; go back where staff were. */
    private static String backTo(String back, long id) {
        return "approvals".equals(back) ? "redirect:/admin/campaigns/approvals" : "redirect:/admin/campaigns/" + id;
    }

    @GetMapping("/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("letters", campaigns.deadLetters(500));
        return "admin/campaigns/dead-letters";
    }

    @PostMapping("/dead-letters/{deliveryId}/retry")
    String retry(@PathVariable long deliveryId, Principal user, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            campaigns.retry(deliveryId, user.getName());
            AuditTrail.summary(request, "重新投递死信 #" + deliveryId);
            redirect.addFlashAttribute("ok", "已放回发送队列，将重新尝试投递");
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "投递记录 #" + deliveryId + " 不是可重试的死信（结果未知的投递须先核实，不能直接重发）");
        }
        return "redirect:/admin/campaigns/dead-letters";
    }

    private String wizardPage(CampaignForm form, String q, Model model) {
        List<Entry> policies = knowledgeBase.visible(EntryKind.POLICY).stream()
                .filter(p -> p.eligibility() != null && !p.eligibility().isNull())
                .toList();
        Entry chosen = form.policy == null ? null
                : policies.stream().filter(p -> p.externalId().equals(form.policy)).findFirst().orElse(null);
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Entry> choices = policies.stream()
                .filter(p -> text.isEmpty() || matches(p, text))
                .limit(POLICY_CHOICES)
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("policies", choices);
        model.addAttribute("policyTotal", policies.size());
        model.addAttribute("chosen", chosen);
        model.addAttribute("minSchedule", LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0));
        return "admin/campaigns/new";
    }

    private static boolean matches(Entry policy, String text) {
        return contains(policy.title(), text) || contains(policy.externalId(), text) || contains(policy.category(), text)
                || contains(policy.department(), text) || policy.keywords().stream().anyMatch(k -> contains(k, text));
    }

    private static boolean contains(String field, String text) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(text);
    }

    private NewCampaign request(CampaignForm form) {
        Instant at = form.scheduledAt == null ? null : form.scheduledAt.atZone(zone).toInstant();
        return new NewCampaign(form.policy, form.channels(), at);
    }

    /** Shows push's refusal in Chinese words staff use, next to the form it came from. */
    private static void show(Model model, CampaignForm form, ErrorResponseException e) {
        if (e instanceof EntryNotFound) {
            model.addAttribute("error", form.policy == null || form.policy.isBlank() ? "请先选择要推送的政策"
                    : "政策 " + form.policy + " 未发布、已失效或没有申报条件规则，不能推送");
            return;
        }
        String field = String.valueOf(e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field"));
        model.addAttribute("error", switch (field) {
            case "channels" -> "请至少选择一个推送渠道";
            case "scheduledAt" -> "计划发送时间不能早于当前时间";
            case "policyExternalId" -> "请先选择要推送的政策";
            default -> Problems.message(e);
        });
    }

    private CampaignPreview previewOrNull(Campaign campaign) {
        try {
            return campaigns.preview(campaign.id());
        } catch (ErrorResponseException e) {
            return null;
        }
    }

    private static String describe(Campaign campaign) {
        return "政策 " + campaign.policyExternalId() + (campaign.policyTitle() == null ? "" : "「" + campaign.policyTitle() + "」")
                + "，渠道 " + String.join("→", campaign.channels().stream().map(Channel::label).toList());
    }

    /** A pending campaign as the approval queue shows it; {@code own} when the reviewer created it. */
    record Review(Campaign campaign, boolean own) {}

    /**
     * The wizard's fields: the policy, up to three channels in order of preference (blank or repeated ones dropped)
     * and an optional start in the government's local time.
     */
    public static final class CampaignForm {
        String policy;
        Channel first;
        Channel second;
        Channel third;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        LocalDateTime scheduledAt;

        List<Channel> channels() {
            Map<Channel, Boolean> ordered = new LinkedHashMap<>();
            for (Channel channel : new Channel[] {first, second, third}) {
                if (channel != null) {
                    ordered.put(channel, true);
                }
            }
            return List.copyOf(ordered.keySet());
        }

        public String getPolicy() { return policy; }
        public void setPolicy(String policy) { this.policy = policy == null || policy.isBlank() ? null : policy.strip(); }
        public Channel getFirst() { return first; }
        public void setFirst(Channel first) { this.first = first; }
        public Channel getSecond() { return second; }
        public void setSecond(Channel second) { this.second = second; }
        public Channel getThird() { return third; }
        public void setThird(Channel third) { this.third = third; }
        public LocalDateTime getScheduledAt() { return scheduledAt; }
        public void setScheduledAt(LocalDateTime scheduledAt) { this.scheduledAt = scheduledAt; }
    }
}
