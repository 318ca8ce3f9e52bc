package org.openyibao.platform.console;

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

/**
 * A page's refusal as a page (the REST API answers JSON, {@link ApiErrors}): the status the error's kind maps to and
 * its message, naming the field; nothing of the server's insides. For every package that serves pages: the console's
 * (and its sub-packages) and the feedback pages.
 */
@ControllerAdvice(basePackages = {"org.openyibao.platform.console", "org.openyibao.platform.feedback"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {

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
