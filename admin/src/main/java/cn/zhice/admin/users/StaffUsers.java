package cn.zhice.admin.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
        return jdbc.sql("select username, password_hash, roles, enabled from staff_user where username = :username")
                .param("username", username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
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
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return find(username).orElseThrow();
    }

    private StaffUser user(ResultSet rs, int row) throws SQLException {
        return new StaffUser(
                rs.getLong("id"),
                rs.getString("username"),
                roles(rs.getString("roles")),
                rs.getBoolean("enabled"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
