package org.openyibao.platform.feedback;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.web.ApiErrors;

/** The feedback pages' refusals as the console's problem page (as {@code ConsoleErrors} does for its package). */
@ControllerAdvice(basePackageClasses = FeedbackPageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FeedbackPageErrors {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        response.setStatus(ApiErrors.status(e.kind()).value());
        model.addAttribute("problem", Echo.cut(e.getMessage(), 300));
        return "console/problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", Echo.cut(e.getName(), 40) + ": not a valid value");
        return "console/problem";
    }
}
