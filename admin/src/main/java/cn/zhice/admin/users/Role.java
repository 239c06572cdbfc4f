package cn.zhice.admin.users;

import java.util.EnumSet;
import java.util.Set;

/** What a staff member may do: editors draft, reviewers publish, administrators also manage users. */
public enum Role {
    EDITOR,
    REVIEWER,
    ADMIN;

    /** This role and the roles it includes: ADMIN ⊃ REVIEWER ⊃ EDITOR. */
    Set<Role> included() {
        return switch (this) {
            case EDITOR -> EnumSet.of(EDITOR);
            case REVIEWER -> EnumSet.of(EDITOR, REVIEWER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }
}
