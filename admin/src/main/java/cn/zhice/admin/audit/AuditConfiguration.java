package cn.zhice.admin.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Audits changes made through the admin API ({@code /api/admin/**}) and the console ({@code /admin/**}). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditLog log;

    AuditConfiguration(AuditLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(log)).addPathPatterns("/api/admin/**", "/admin/**");
    }
}
