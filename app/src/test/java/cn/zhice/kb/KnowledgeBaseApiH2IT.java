package cn.zhice.kb;

import cn.zhice.testsupport.TestApplication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The knowledge-base contract on the embedded default database, H2 (a fresh in-memory database per run). */
class KnowledgeBaseApiH2IT extends KnowledgeBaseApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        commonProperties(registry);
        TestApplication.useH2(registry);
    }
}
