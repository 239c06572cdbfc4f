package cn.zhice.admin.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志 page: read-only, filterable by actor and text. There is deliberately no way to change a record. */
@Controller
class AuditPages {

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", log.page(actor, q, Math.max(0, page), 50));
        model.addAttribute("actor", actor);
        model.addAttribute("q", q);
        model.addAttribute("baseUrl", "/admin/audit?actor=" + enc(actor) + "&q=" + enc(q));
        return "admin/audit";
    }

    private static String enc(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
