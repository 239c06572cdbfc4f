package cn.zhice.admin.users;

import cn.zhice.admin.AdminProperties;
import cn.zhice.admin.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户: administrators create staff accounts, change roles, disable and unlock them. */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    private final StaffUsers users;
    private final AdminProperties properties;
    private final Clock clock;

    UserPages(StaffUsers users, AdminProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("minLength", properties.passwordMinLength());
        return "admin/users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String password,
            @RequestParam(required = false) List<Role> roles, Principal admin, HttpServletRequest request,
            RedirectAttributes redirect) {
        String problem = null;
        if (!username.matches("[A-Za-z0-9_.-]{3,50}")) {
            problem = "用户名须为 3 到 50 个字母、数字或 _ . -";
        } else if (password.length() < properties.passwordMinLength()) {
            problem = "密码至少需要 " + properties.passwordMinLength() + " 个字符";
        } else if (password.toLowerCase().contains(username.toLowerCase())) {
            problem = "密码不能包含用户名";
        } else if (roles == null || roles.isEmpty()) {
            problem = "至少选择一个角色";
        } else if (users.find(username).isPresent()) {
            problem = "用户名 " + username + " 已被使用";
        }
        if (problem != null) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", problem);
            return "redirect:/admin/users";
        }
        users.create(username, password, EnumSet.copyOf(roles), admin.getName());
        AuditTrail.summary(request, "新建用户 " + username + "（" + roles + "）");
        redirect.addFlashAttribute("ok", "已创建用户 " + username);
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/{action:enable|disable|unlock}")
    String change(@PathVariable String username, @PathVariable String action, Principal admin,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (users.find(username).isEmpty() || ("disable".equals(action) && username.equals(admin.getName()))) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "不能停用自己的账号");
            return "redirect:/admin/users";
        }
        switch (action) {
            case "enable" -> users.setEnabled(username, true);
            case "disable" -> users.setEnabled(username, false);
            default -> users.unlock(username);
        }
        String label = switch (action) {
            case "enable" -> "启用";
            case "disable" -> "停用";
            default -> "解锁";
        };
        AuditTrail.summary(request, label + "用户 " + username);
        redirect.addFlashAttribute("ok", "已" + label + "用户 " + username);
        return "redirect:/admin/users";
    }

    @PostMapping("/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<Role> roles,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (roles == null || roles.isEmpty() || users.find(username).isEmpty()) {
            AuditTrail.skip(request);
            redirect.addFlashAttribute("error", "至少选择一个角色");
            return "redirect:/admin/users";
        }
        users.setRoles(username, EnumSet.copyOf(roles));
        AuditTrail.summary(request, "修改用户 " + username + " 的角色为 " + roles);
        redirect.addFlashAttribute("ok", "已修改 " + username + " 的角色");
        return "redirect:/admin/users";
    }
}
