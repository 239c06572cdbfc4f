package cn.zhice.admin.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a handler tells the audit interceptor what a change was about: a readable summary, or that a console POST did
 * not change anything (a preview, a form shown again with errors) and should not be recorded.
 */
public final class AuditTrail {

    static final String SUMMARY = AuditTrail.class.getName() + ".summary";
    static final String SKIP = AuditTrail.class.getName() + ".skip";

    private AuditTrail() {}

    /** The summary shown in the 审计日志, e.g. 「发布 QH-FAQ-101」. */
    public static void summary(HttpServletRequest request, String summary) {
        request.setAttribute(SUMMARY, summary);
    }

    /** This request changed nothing: do not record it. */
    public static void skip(HttpServletRequest request) {
        request.setAttribute(SKIP, Boolean.TRUE);
    }
}
