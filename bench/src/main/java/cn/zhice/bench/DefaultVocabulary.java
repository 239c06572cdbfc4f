package cn.zhice.bench;

import cn.zhice.kb.vocabulary.Vocabulary;
import cn.zhice.kb.vocabulary.VocabularyStore;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synonyms and domain terms a fresh installation starts with, obtained the way production gets them: the
 * policy-kb Flyway migrations run on a throw-away in-memory H2 database and {@link VocabularyStore} reads them back.
 */
public final class DefaultVocabulary {

    private DefaultVocabulary() {}

    public static Vocabulary load() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // Without DB_CLOSE_DELAY the in-memory database would vanish when Flyway closes its last connection.
        dataSource.setURL("jdbc:h2:mem:zhice-bench-vocabulary;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Vocabulary vocabulary = new VocabularyStore(JdbcClient.create(dataSource), Clock.systemUTC()).load();
        JdbcClient.create(dataSource).sql("shutdown").update();
        return vocabulary;
    }
}
