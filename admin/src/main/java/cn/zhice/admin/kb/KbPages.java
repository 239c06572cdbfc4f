package cn.zhice.admin.kb;

import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.admin.console.Problems;
import cn.zhice.bot.AnswerPreview;
import cn.zhice.kb.Category;
import cn.zhice.kb.Entry;
import cn.zhice.kb.EntryKind;
import cn.zhice.kb.EntryNotFound;
import cn.zhice.kb.EntryStatus;
import cn.zhice.kb.KbCuration;
import cn.zhice.kb.KbCuration.Curated;
import cn.zhice.kb.KbCuration.Version;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 知识库 pages: search and filter, edit with 预览回答, the review workflow with comments, version history with diffs,
 * import with a per-row error report, and export. Every rule is the knowledge base's own, through {@link KbCuration}.
 */
@Controller
@RequestMapping("/admin/kb")
class KbPages {

    private static final int PAGE_SIZE = 20;

    private final KbCuration kb;
    private final AnswerPreview preview;

    KbPages(KbCuration kb, AnswerPreview preview) {
        this.kb = kb;
        this.preview = preview;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("categories", Category.labels());
    }

    @GetMapping
    String list(@RequestParam(required = false) EntryKind kind, @RequestParam(required = false) String category,
            @RequestParam(required = false) EntryStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", kb.list(kind, category, status, q, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("kind", kind);
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("baseUrl", "/admin/kb?kind=" + (kind == null ? "" : kind) + "&category="
                + enc(category) + "&status=" + (status == null ? "" : status) + "&q=" + enc(q));
        return "admin/kb/list";
    }

    @GetMapping("/new")
    String newEntry(@RequestParam(required = false) EntryKind kind, @RequestParam(required = false) String externalId,
            @RequestParam(required = false) String title, @RequestParam(required = false) String questions,
            Model model) {
        EntryForm form = new EntryForm();
        if (kind != null) {
            form.kind = kind;
        }
        form.externalId = externalId;
        form.title = title;
        form.questions = questions;
        model.addAttribute("form", form);
        return "admin/kb/edit";
    }

    @PostMapping("/entries")
    String create(@ModelAttribute("form") EntryForm form, Principal user, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!form.problems().isEmpty()) {
            return invalidForm(form, request, model, null);
        }
        try {
            Curated created = kb.create(form.toEntry(null), user.getName());
            AuditTrail.summary(request, "新建条目 " + created.externalId() + "「" + created.content().title() + "」");
            redirect.addFlashAttribute("ok", "已保存为草稿");
            return "redirect:/admin/kb/entries/" + enc(created.externalId());
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.show(model, e);
            return "admin/kb/edit";
        }
    }

    @GetMapping("/entries/{id}")
    String entry(@PathVariable String id, Model model) {
        Curated entry = existing(id);
        model.addAttribute("entry", entry);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EntryForm.of(entry.content()));
        }
        model.addAttribute("versions", newestFirst(kb.versions(id)));
        return "admin/kb/edit";
    }

    @PostMapping("/entries/{id}")
    String update(@PathVariable String id, @ModelAttribute("form") EntryForm form, Principal user,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Curated current = existing(id);
        form.externalId = id;
        if (!form.problems().isEmpty()) {
            return invalidForm(form, request, model, current);
        }
        try {
            kb.update(id, form.toEntry(current.content()), user.getName(), blank(form.comment) ? "修改" : form.comment);
            AuditTrail.summary(request, "修改条目 " + id + "（新草稿版本）");
            redirect.addFlashAttribute("ok", "已保存为新的草稿版本");
            return "redirect:/admin/kb/entries/" + enc(id);
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.show(model, e);
            model.addAttribute("entry", current);
            model.addAttribute("versions", newestFirst(kb.versions(id)));
            return "admin/kb/edit";
        }
    }

    @PostMapping("/entries/{id}/submit")
    String submit(@PathVariable String id, @RequestParam(required = false) String comment, Principal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        return workflow(id, "submit", comment, user, request, redirect);
    }

    @PostMapping("/entries/{id}/publish")
    String publish(@PathVariable String id, @RequestParam(required = false) String comment, Principal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        return workflow(id, "publish", comment, user, request, redirect);
    }

    @PostMapping("/entries/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(required = false) String comment, Principal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        return workflow(id, "reject", comment, user, request, redirect);
    }

    @PostMapping("/entries/{id}/archive")
    String archive(@PathVariable String id, @RequestParam(required = false) String comment, Principal user,
            HttpServletRequest request, RedirectAttributes redirect) {
        return workflow(id, "archive", comment, user, request, redirect);
    }

    private String workflow(String id, String step, String comment, Principal user, HttpServletRequest request,
            RedirectAttributes redirect) {
        String note = blank(comment) ? null : comment.strip();
        try {
            switch (step) {
                case "submit" -> kb.submit(id, user.getName(), note);
                case "publish" -> kb.publish(id, user.getName(), note);
                case "reject" -> kb.reject(id, user.getName(), note);
                default -> kb.archive(id, user.getName(), note);
            }
            String label = switch (step) {
                case "submit" -> "提交审核";
                case "publish" -> "发布";
                case "reject" -> "退回";
                default -> "归档";
            };
            AuditTrail.summary(request, label + " " + id + (note == null ? "" : "：" + note));
            redirect.addFlashAttribute("ok", "已" + label);
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.flash(redirect, e);
        }
        return "redirect:/admin/kb/entries/" + enc(id);
    }

    /** 预览回答: the bot's answer from the form as it stands, before anything is saved (htmx fragment). */
    @PostMapping("/preview")
    String preview(@ModelAttribute("form") EntryForm form, @RequestParam(required = false) String question,
            HttpServletRequest request, Model model) {
        AuditTrail.skip(request);
        Entry entry = form.toEntry(blank(form.externalId) ? null : kb.find(form.externalId).map(Curated::content).orElse(null));
        model.addAttribute("preview", preview.preview(entry, question));
        return "admin/kb/preview :: preview";
    }

    @GetMapping("/entries/{id}/diff")
    String diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Model model) {
        List<Version> versions = kb.versions(id);
        Version before = version(versions, id, from);
        Version after = version(versions, id, to);
        model.addAttribute("entry", existing(id));
        model.addAttribute("from", before);
        model.addAttribute("to", after);
        model.addAttribute("lines", LineDiff.of(lines(before), lines(after)));
        return "admin/kb/diff";
    }

    @GetMapping("/import")
    String importForm() {
        return "admin/kb/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, Principal user, HttpServletRequest request, Model model)
            throws IOException {
        if (file.isEmpty()) {
            AuditTrail.skip(request);
            model.addAttribute("error", "请选择要导入的 .jsonl 或 .xlsx 文件");
            return "admin/kb/import";
        }
        try (InputStream in = file.getInputStream()) {
            KbCuration.ImportReport report = kb.importFile(file.getOriginalFilename(), in, user.getName(),
                    request.isUserInRole("REVIEWER"));
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (report.succeeded()) {
                AuditTrail.summary(request, "导入 " + file.getOriginalFilename() + "：新增 " + report.imported()
                        + "，更新 " + report.updated() + "，未变 " + report.unchanged());
            } else {
                AuditTrail.skip(request);
            }
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.show(model, e);
        }
        return "admin/kb/import";
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"zhice-kb-" + LocalDate.now() + ".jsonl\"")
                .contentType(new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .body(kb::exportJsonLines);
    }

    /** The same entries as the JSONL export, as a workbook the .xlsx import reads back. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> exportXlsx() {
        // built in full before answering, so a field too long for a cell is a 422, not a truncated download
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        kb.exportWorkbook(workbook);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zhice-kb-" + LocalDate.now() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.toByteArray());
    }

    @GetMapping("/vocabulary")
    String vocabulary(Model model) {
        model.addAttribute("synonyms", kb.synonyms());
        model.addAttribute("terms", kb.terms());
        return "admin/kb/vocabulary";
    }

    @PostMapping("/synonyms")
    String addSynonyms(@RequestParam String terms, Principal user, HttpServletRequest request,
            RedirectAttributes redirect) {
        List<String> list = Arrays.stream(terms.split("[,，、\\s]+")).filter(t -> !t.isBlank()).toList();
        try {
            kb.addSynonyms(list, user.getName());
            AuditTrail.summary(request, "新增同义词组：" + String.join("、", list));
            redirect.addFlashAttribute("ok", "已新增同义词组，搜索即时生效");
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.flash(redirect, e);
        }
        return "redirect:/admin/kb/vocabulary";
    }

    @PostMapping("/synonyms/{synonymId}/delete")
    String deleteSynonyms(@PathVariable long synonymId, HttpServletRequest request, RedirectAttributes redirect) {
        kb.deleteSynonyms(synonymId);
        AuditTrail.summary(request, "删除同义词组 #" + synonymId);
        redirect.addFlashAttribute("ok", "已删除同义词组");
        return "redirect:/admin/kb/vocabulary";
    }

    @PostMapping("/terms")
    String addTerm(@RequestParam String term, Principal user, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            kb.addTerm(term, user.getName());
            AuditTrail.summary(request, "新增词典词条：" + term.strip());
            redirect.addFlashAttribute("ok", "已加入词典");
        } catch (ErrorResponseException e) {
            AuditTrail.skip(request);
            Problems.flash(redirect, e);
        }
        return "redirect:/admin/kb/vocabulary";
    }

    @PostMapping("/terms/{termId}/delete")
    String deleteTerm(@PathVariable long termId, HttpServletRequest request, RedirectAttributes redirect) {
        kb.deleteTerm(termId);
        AuditTrail.summary(request, "删除词典词条 #" + termId);
        redirect.addFlashAttribute("ok", "已删除词条");
        return "redirect:/admin/kb/vocabulary";
    }

    private String invalidForm(EntryForm form, HttpServletRequest request, Model model, Curated current) {
        AuditTrail.skip(request);
        model.addAttribute("error", "条目内容有误，请修改标出的字段");
        model.addAttribute("errorDetails", form.problems());
        if (current != null) {
            model.addAttribute("entry", current);
            model.addAttribute("versions", newestFirst(kb.versions(current.externalId())));
        }
        return "admin/kb/edit";
    }

    private List<String> lines(Version version) {
        return kb.toJson(version.content()).lines().toList();
    }

    private static Version version(List<Version> versions, String id, int number) {
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> new EntryNotFound(id + " v" + number));
    }

    private Curated existing(String id) {
        return kb.find(id).orElseThrow(() -> new EntryNotFound(id));
    }

    private static List<Version> newestFirst(List<Version> versions) {
        List<Version> copy = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String enc(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
