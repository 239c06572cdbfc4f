package cn.zhice.matching;

import cn.zhice.testsupport.TestServices;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The enterprise contract on PostgreSQL, the production database, in a schema of its own that is dropped afterwards.
 * Skipped where PostgreSQL is not running (CI requires it).
 */
@EnabledIf("cn.zhice.testsupport.TestServices#postgresAvailable")
@DirtiesContext
class EnterpriseApiPostgresIT extends EnterpriseApiContract {

    private static String schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        commonProperties(registry);
        schema = TestServices.createPostgresSchema();
        registry.add("spring.datasource.url", () -> TestServices.postgresUrl(schema));
        registry.add("spring.datasource.username", () -> TestServices.POSTGRES_USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }
}
