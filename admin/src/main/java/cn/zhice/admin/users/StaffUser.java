package cn.zhice.admin.users;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A staff account as shown to administrators (never with its password hash).
 *
 * @param lockedUntil end of a lockout after repeated failed sign-ins, or null
 */
public record StaffUser(
        long id, String username, Set<Role> roles, boolean enabled, String createdBy, OffsetDateTime createdAt,
        @JsonIgnore OffsetDateTime lockedUntil) {

    /** Whether the account is locked at {@code now}. */
    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
