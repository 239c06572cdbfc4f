package cn.zhice.admin.users;

import cn.zhice.admin.AdminProperties;
import cn.zhice.admin.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts: {@code POST /api/admin/users} and {@code GET /api/admin/users}, for administrators only. */
@RestController
@RequestMapping("/api/admin/users")
class UserController {

    private final StaffUsers users;
    private final AdminProperties properties;

    UserController(StaffUsers users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @GetMapping
    List<StaffUser> list() {
        return users.list();
    }

    @PostMapping
    ResponseEntity<StaffUser> create(@Valid @RequestBody NewUser request, Principal admin, HttpServletRequest http) {
        if (request.password().length() < properties.passwordMinLength()) {
            throw new InvalidUser(HttpStatus.BAD_REQUEST, "密码至少需要 " + properties.passwordMinLength() + " 个字符");
        }
        if (request.password().toLowerCase().contains(request.username().toLowerCase())) {
            throw new InvalidUser(HttpStatus.BAD_REQUEST, "密码不能包含用户名");
        }
        if (users.find(request.username()).isPresent()) {
            throw new InvalidUser(HttpStatus.CONFLICT, "用户名 " + request.username() + " 已被使用");
        }
        StaffUser created = users.create(request.username(), request.password(), EnumSet.copyOf(request.roles()),
                admin.getName());
        AuditTrail.summary(http, "新建用户 " + created.username() + "（" + created.roles() + "）");
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    /** A new staff account. */
    record NewUser(
            @NotNull(message = "必填")
            @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}", message = "3 到 50 个字母、数字或 _ . -") String username,
            @NotNull(message = "必填") @Size(max = 128, message = "最长 128 个字符") String password,
            @NotEmpty(message = "至少选择一个角色：EDITOR、REVIEWER、ADMIN") Set<Role> roles) {}
}
