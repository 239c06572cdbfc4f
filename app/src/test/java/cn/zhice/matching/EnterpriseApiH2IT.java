package cn.zhice.matching;

import java.io.IOException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The enterprise contract on the embedded default database, H2 (a fresh in-memory database per run). */
class EnterpriseApiH2IT extends EnterpriseApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        commonProperties(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:zhice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
