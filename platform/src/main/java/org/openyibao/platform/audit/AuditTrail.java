package org.openyibao.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.security.ConsoleUser;

/**
 * What reaches the operator audit log from requests: every change made through the REST API (any method but GET and
 * HEAD, answered or refused) and every read of a person through it (agency staff see persons unmasked), with the
 * route's pattern as the action and the path as the subject (paths carry psn_nos, never ID numbers: those travel in
 * bodies). The console's pages record their own views ({@link #record}).
 */
@Configuration
public class AuditTrail implements WebMvcConfigurer, HandlerInterceptor {
    private final OperatorAudit audit;

    public AuditTrail(OperatorAudit audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String method = request.getMethod();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern instanceof String p ? p : request.getRequestURI();
        boolean change = !"GET".equals(method) && !"HEAD".equals(method);
        boolean personRead = "GET".equals(method) && route.startsWith("/api/persons");
        if (!change && !personRead) return;
        record(request, method + " " + route, request.getRequestURI(), Integer.toString(response.getStatus()));
    }

    /** Records {@code action} on {@code subject} by whoever is signed in on this request. */
    public void record(HttpServletRequest request, String action, String subject, String outcome) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String user = who == null ? "anonymous" : who.getPrincipal() instanceof ConsoleUser c ? c.username() : who.getName();
        String role = who == null ? "" : who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).findFirst().orElse("");
        audit.record(new OperatorAudit.Event(ResidentId.redact(user), role, request.getRemoteAddr(), action,
                ResidentId.redact(subject), outcome));
    }
}
