package cn.zhice.admin.console;

import cn.zhice.admin.AdminProperties;
import cn.zhice.admin.audit.AuditTrail;
import cn.zhice.admin.users.StaffUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, the console's front door, the 403 page, password change and the chat test page. */
@Controller
class ConsolePages {

    private final StaffUsers users;
    private final AdminProperties properties;

    ConsolePages(StaffUsers users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/dashboard";
    }

    @RequestMapping("/admin/forbidden")
    String forbidden(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        AuditTrail.skip(request);
        response.setStatus(403);
        return "admin/forbidden";
    }

    @GetMapping("/admin/chat")
    String chat(Model model, Principal user) {
        model.addAttribute("chatUser", "console-" + user.getName());
        return "admin/chat";
    }

    @GetMapping("/admin/account/password")
    String passwordForm(Model model) {
        model.addAttribute("minLength", properties.passwordMinLength());
        return "admin/password";
    }

    @PostMapping("/admin/account/password")
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
            Principal user, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String problem = null;
        if (!users.passwordMatches(user.getName(), current)) {
            problem = "当前密码不正确";
        } else if (!password.equals(confirm)) {
            problem = "两次输入的新密码不一致";
        } else if (password.length() < properties.passwordMinLength()) {
            problem = "新密码至少需要 " + properties.passwordMinLength() + " 个字符";
        } else if (password.toLowerCase().contains(user.getName().toLowerCase())) {
            problem = "密码不能包含用户名";
        } else if (password.equals(current)) {
            problem = "新密码不能与当前密码相同";
        }
        if (problem != null) {
            AuditTrail.skip(request);
            model.addAttribute("error", problem);
            model.addAttribute("minLength", properties.passwordMinLength());
            return "admin/password";
        }
        users.changePassword(user.getName(), password);
        AuditTrail.summary(request, "修改了自己的密码");
        redirect.addFlashAttribute("ok", "密码已修改");
        return "redirect:/admin/account/password";
    }
}
