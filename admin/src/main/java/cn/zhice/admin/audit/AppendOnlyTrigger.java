package cn.zhice.admin.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The H2 side of the append-only audit log (see {@code V2026_11_24_41__Audit_log_append_only}). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only");
    }
}
