package cn.zhice.matching;

import cn.zhice.testsupport.TestApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The enterprise contract on the embedded default database, H2 (a fresh in-memory database per run). */
class EnterpriseApiH2IT extends EnterpriseApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        commonProperties(registry);
        TestApplication.useH2(registry);
    }
}
