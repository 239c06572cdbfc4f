package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code audit_log} append-only in the database itself, so that not even a direct SQL session with the
 * application's account can rewrite history: a trigger rejects UPDATE and DELETE (and, on PostgreSQL, TRUNCATE).
 * A Java migration because the trigger is written differently for each database.
 */
public class V2026_11_24_41__Audit_log_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if (database.toLowerCase().contains("postgres")) {
                sql.execute("""
                        create function audit_log_append_only() returns trigger language plpgsql as $$
                        begin
                            raise exception 'audit_log is append-only';
                        end
                        $$""");
                sql.execute("""
                        create trigger audit_log_no_change before update or delete on audit_log
                        for each row execute function audit_log_append_only()""");
                sql.execute("""
                        create trigger audit_log_no_truncate before truncate on audit_log
                        for each statement execute function audit_log_append_only()""");
            } else if (database.toLowerCase().contains("h2")) {
                sql.execute("""
                        create trigger audit_log_no_change before update, delete on audit_log
                        for each row call 'cn.zhice.admin.audit.AppendOnlyTrigger'""");
            }
        }
    }
}
