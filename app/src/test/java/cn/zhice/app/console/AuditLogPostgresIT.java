package cn.zhice.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhice.testsupport.Api;
import cn.zhice.testsupport.TestApplication;
import cn.zhice.testsupport.TestServices;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's migrations on PostgreSQL: changes made through the admin API are audited, and the database itself
 * refuses UPDATE, DELETE and TRUNCATE on the audit log. Skipped where PostgreSQL is not running (CI requires it).
 */
@EnabledIf("cn.zhice.testsupport.TestServices#postgresAvailable")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogPostgresIT {

    static final String ADMIN_PW = "audit-admin-secret";
    private static String schema;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApplication.isolate(registry, ADMIN_PW, false);
        schema = TestApplication.usePostgres(registry);
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }

    @Test
    void auditsApiChangesAndRefusesToRewriteThem() {
        int created = Api.at(port).as("admin", ADMIN_PW).postJson("/api/admin/users",
                Map.of("username", "editor9", "password", "staff-password-123", "roles", List.of("EDITOR"))).status();

        assertThat(created).isEqualTo(201);
        assertThat(jdbc.sql("select action from audit_log where actor = 'admin'").query(String.class).list())
                .contains("POST /api/admin/users");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).hasMessageContaining("append-only");
    }
}
