package cn.zhice.admin.enterprises;

import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.matching.Enterprises;
import cn.zhice.matching.InvalidUscc;
import cn.zhice.matching.PolicyTargeting;
import cn.zhice.matching.Uscc;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 企业: search enterprises, a profile with derived tags and the policies it matches (政策计算器), and import. */
@Controller
@RequestMapping("/admin/enterprises")
class EnterprisePages {

    private final Enterprises enterprises;
    private final PolicyTargeting targeting;

    EnterprisePages(Enterprises enterprises, PolicyTargeting targeting) {
        this.enterprises = enterprises;
        this.targeting = targeting;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", enterprises.search(q, Math.max(0, page), 20));
        model.addAttribute("q", q);
        model.addAttribute("baseUrl", "/admin/enterprises?q=" + (q == null ? "" : URLEncoder.encode(q, StandardCharsets.UTF_8)));
        return "admin/enterprises/list";
    }

    @GetMapping("/{uscc}")
    String profile(@PathVariable String uscc, Model model) {
        Uscc key = Uscc.parse(uscc);
        model.addAttribute("enterprise", enterprises.find(key)
                .orElseThrow(() -> new cn.zhice.matching.EnterpriseNotFound(key)));
        model.addAttribute("derived", enterprises.derived(key).orElse(null));
        model.addAttribute("policies", targeting.policiesFor(key));
        return "admin/enterprises/profile";
    }

    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, HttpServletRequest request, Model model)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            Enterprises.ImportReport report = enterprises.importJsonLines(in);
            model.addAttribute("report", report);
            if (report.succeeded()) {
                AuditTrail.summary(request, "导入企业 " + file.getOriginalFilename() + "：" + report.imported() + " 家");
            } else {
                AuditTrail.skip(request);
            }
        } catch (InvalidUscc e) {
            AuditTrail.skip(request);
            model.addAttribute("error", e.getBody().getDetail());
        }
        model.addAttribute("result", enterprises.search(null, 0, 20));
        model.addAttribute("baseUrl", "/admin/enterprises?q=");
        return "admin/enterprises/list";
    }
}
