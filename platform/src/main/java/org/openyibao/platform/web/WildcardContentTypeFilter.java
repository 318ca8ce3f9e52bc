package org.openyibao.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.openyibao.platform.fsi.InterfacePaths;

/**
 * A Content-Type with a wildcard ({@code *}{@code /*}, {@code application/*}, {@code multipart/*}) names no type. Spring
 * MVC's request headers refuse to hold one once the request's encoding is set, with an exception ApiErrors could only
 * answer as our fault (a 500: issue 10), so it is refused here first, as the unsupported media type it is. After
 * Spring Security's chain (a caller who is not signed in still hears so first). The interface reads its bodies
 * whatever their type ({@code FsiController}), so its paths are left alone.
 */
@Component
public class WildcardContentTypeFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return InterfacePaths.isInterface(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isWildcard(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"Unsupported Media Type\",\"message\":\"send the body as application/json\"}");
    }

    static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) return false;
        try {
            MediaType m = MediaType.parseMediaType(contentType);
            return m.isWildcardType() || m.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // unreadable: Spring MVC refuses it itself, as a 415
        }
    }
}
