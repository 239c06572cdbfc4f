package cn.zhice.kb;

import cn.zhice.testsupport.TestApplication;
import cn.zhice.testsupport.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The knowledge-base contract on PostgreSQL, the production database, in a schema of its own that is dropped
 * afterwards. Skipped where PostgreSQL is not running (CI requires it).
 */
@EnabledIf("cn.zhice.testsupport.TestServices#postgresAvailable")
@DirtiesContext
class KnowledgeBaseApiPostgresIT extends KnowledgeBaseApiContract {

    private static String schema;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        commonProperties(registry);
        schema = TestApplication.usePostgres(registry);
    }

    @AfterAll
    void dropSchema() {
        if (schema != null) {
            TestServices.dropPostgresSchema(schema);
        }
    }
}
