package cn.zhice.push.delivery;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whether the outbox lives in PostgreSQL, whose SQL (arrays, {@code unnest}, {@code analyze}) some statements use. */
final class Postgres {

    private Postgres() {}

    static boolean backs(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }
}
