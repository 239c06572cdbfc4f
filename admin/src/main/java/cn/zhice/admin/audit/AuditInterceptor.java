package cn.zhice.admin.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every successful change made through the admin API or the console: the actor, the method and route
 * pattern (e.g. {@code POST /api/admin/kb/entries/{externalId}/publish}), the path variables as target and the
 * handler's summary. One interceptor for every route means a new endpoint is audited without anyone remembering to.
 * Remote addresses are not stored: the actor is what matters, and an IP is personal data with nothing to add here.
 */
class AuditInterceptor implements HandlerInterceptor {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * Summaries of API routes whose handlers live in modules that do not know the audit log (push's campaign API), so
     * their records read like the console's.
     */
    private static final Map<String, String> API_SUMMARIES = Map.of(
            "POST /api/admin/campaigns", "新建推送任务（接口）",
            "POST /api/admin/campaigns/{id}/approve", "批准推送任务（接口）",
            "POST /api/admin/campaigns/{id}/cancel", "取消推送任务（接口）",
            "POST /api/admin/campaigns/dead-letters/{deliveryId}/retry", "重新投递死信（接口）");

    private final AuditLog log;

    AuditInterceptor(AuditLog log) {
        this.log = log;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!CHANGES.contains(request.getMethod()) || ex != null || response.getStatus() >= 400
                || request.getAttribute(AuditTrail.SKIP) != null) {
            return;
        }
        Principal actor = request.getUserPrincipal();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
        String summary = (String) request.getAttribute(AuditTrail.SUMMARY);
        log.record(actor == null ? null : actor.getName(), action, target(request),
                summary == null ? API_SUMMARIES.get(action) : summary);
    }

    @SuppressWarnings("unchecked")
    private static String target(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
            return ((Map<String, String>) map).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        return null;
    }
}
