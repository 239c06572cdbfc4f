package cn.zhice.admin.users;

import java.time.OffsetDateTime;
import java.util.Set;

/** A staff account as shown to administrators (never with its password hash). */
public record StaffUser(
        long id, String username, Set<Role> roles, boolean enabled, String createdBy, OffsetDateTime createdAt) {}
