package cn.zhice.admin.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Staff accounts in the database and the Spring Security view of them. A user's authorities include the roles
 * their role implies, so {@code hasRole('EDITOR')} holds for reviewers and administrators too.
 */
@Repository
public class StaffUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffUsers(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select username, password_hash, roles, enabled, locked_until from staff_user"
                        + " where username = :username")
                .param("username", username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .accountLocked(isLocked(rs.getObject("locked_until", OffsetDateTime.class), now))
                        .authorities(roles(rs.getString("roles")).stream()
                                .flatMap(role -> role.included().stream())
                                .distinct()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                                .toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
    }

    public List<StaffUser> list() {
        return jdbc.sql("select * from staff_user order by id").query(this::user).list();
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.sql("select * from staff_user where username = :username")
                .param("username", username)
                .query(this::user)
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from staff_user").query(Long.class).single() == 0;
    }

    /** Stores a new user with the password hashed (bcrypt through Spring Security's delegating encoder). */
    public StaffUser create(String username, String rawPassword, Set<Role> roles, String createdBy) {
        jdbc.sql("""
                insert into staff_user (username, password_hash, roles, enabled, created_by, created_at)
                values (:username, :hash, :roles, true, :createdBy, :now)""")
                .param("username", username)
                .param("hash", passwords.encode(rawPassword))
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("createdBy", createdBy)
                .param("now", now())
                .update();
        return find(username).orElseThrow();
    }

    /** Replaces a user's password (hashed) and clears any lockout. */
    public void changePassword(String username, String rawPassword) {
        jdbc.sql("update staff_user set password_hash = :hash, password_changed_at = :now, failed_logins = 0,"
                        + " locked_until = null where username = :username")
                .param("hash", passwords.encode(rawPassword))
                .param("now", now())
                .param("username", username)
                .update();
    }

    /** Whether {@code rawPassword} is the user's current password. */
    public boolean passwordMatches(String username, String rawPassword) {
        return jdbc.sql("select password_hash from staff_user where username = :username")
                .param("username", username)
                .query(String.class)
                .optional()
                .map(hash -> passwords.matches(rawPassword, hash))
                .orElse(false);
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update staff_user set enabled = :enabled where username = :username")
                .param("enabled", enabled)
                .param("username", username)
                .update();
    }

    public void setRoles(String username, Set<Role> roles) {
        jdbc.sql("update staff_user set roles = :roles where username = :username")
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("username", username)
                .update();
    }

    /**
     * Counts a failed sign-in; the {@code max}-th in a row locks the account until {@code lockout} from now.
     *
     * @return whether this failure locked the account
     */
    public boolean failedLogin(String username, int max, Duration lockout) {
        int updated = jdbc.sql("update staff_user set failed_logins = failed_logins + 1 where username = :username")
                .param("username", username)
                .update();
        if (updated == 0) {
            return false;
        }
        int failures = jdbc.sql("select failed_logins from staff_user where username = :username")
                .param("username", username)
                .query(Integer.class)
                .single();
        if (failures < max) {
            return false;
        }
        jdbc.sql("update staff_user set locked_until = :until, failed_logins = 0 where username = :username")
                .param("until", now().plus(lockout))
                .param("username", username)
                .update();
        return true;
    }

    /** A successful sign-in clears the count of failures. */
    public void succeededLogin(String username) {
        jdbc.sql("update staff_user set failed_logins = 0 where username = :username and failed_logins <> 0")
                .param("username", username)
                .update();
    }

    /** Lifts a lockout before it ends (administrators, on the 用户 page). */
    public void unlock(String username) {
        jdbc.sql("update staff_user set locked_until = null, failed_logins = 0 where username = :username")
                .param("username", username)
                .update();
    }

    private static boolean isLocked(OffsetDateTime lockedUntil, OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private StaffUser user(ResultSet rs, int row) throws SQLException {
        return new StaffUser(
                rs.getLong("id"),
                rs.getString("username"),
                roles(rs.getString("roles")),
                rs.getBoolean("enabled"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("locked_until", OffsetDateTime.class));
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
