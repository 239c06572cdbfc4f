package cn.zhice.admin.security;

import cn.zhice.push.Campaigns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The admin API ({@code /api/admin/**}) takes HTTP Basic and is stateless: editors curate and
 * create campaigns, reviewers also publish, reject and archive entries, approve campaigns and retry dead letters, a
 * campaign is cancelled by a reviewer or its creator, administrators also manage users. The staff console
 * ({@code /admin/**}) signs in with a form and a session, with CSRF tokens on every form, and the same roles.
 * Everything else (public search, health) is open. Authorisation is declared here, by path, so the whole policy
 * can be read in one place.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Content Security Policy of the console: scripts only from our own origin (WebJars and static files). */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /**
     * WeChat's callback authenticates itself: every request carries WeChat's signature (and in safe mode the message
     * signature), which the portal checks before reading the body. So it passes through a chain with nothing to do
     * — no session, request cache, anonymous user, CSRF token or security headers, which were most of the
     * callback's cost under load and mean nothing to WeChat's servers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain weChatCallback(HttpSecurity http) throws Exception {
        http.securityMatcher("/wechat/portal")
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, JsonMapper json, ObjectProvider<Campaigns> campaigns)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/admin/**", "/api/matching/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST,
                                "/api/admin/kb/entries/*/publish",
                                "/api/admin/kb/entries/*/reject",
                                "/api/admin/kb/entries/*/archive",
                                "/api/admin/campaigns/*/approve",
                                "/api/admin/campaigns/dead-letters/*/retry").hasRole("REVIEWER")
                        .requestMatchers(HttpMethod.POST, "/api/admin/campaigns/{id}/cancel")
                                .access(new CampaignCancellers(campaigns))
                        .requestMatchers(HttpMethod.DELETE, "/api/admin/kb/entries/*").hasRole("REVIEWER")
                        .anyRequest().hasRole("EDITOR"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth API without cookies: no session to ride on, so no CSRF token to check.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, ObjectProvider<Campaigns> campaigns) throws Exception {
        http.securityMatcher("/admin/**", "/login", "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/admin/assets/**").permitAll()
                        .requestMatchers("/admin/forbidden").authenticated()
                        .requestMatchers("/admin/users/**", "/admin/audit/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST,
                                "/admin/kb/entries/*/publish",
                                "/admin/kb/entries/*/reject",
                                "/admin/kb/entries/*/archive",
                                "/admin/campaigns/*/approve",
                                "/admin/campaigns/dead-letters/*/retry").hasRole("REVIEWER")
                        .requestMatchers(HttpMethod.GET, "/admin/campaigns/approvals").hasRole("REVIEWER")
                        .requestMatchers(HttpMethod.POST, "/admin/campaigns/{id}/cancel")
                                .access(new CampaignCancellers(campaigns))
                        .anyRequest().hasRole("EDITOR"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/admin", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/admin/forbidden"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .headers(Customizer.withDefaults())
                // Endpoints without a session to ride on: WeChat's signed callback (other than the portal itself), the
                // JSON chat API, the SMS gateway's signed callbacks and the anonymous 有用/没用 votes on tracked pages.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/wechat/**", "/api/chat", "/api/push/**", "/p/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
