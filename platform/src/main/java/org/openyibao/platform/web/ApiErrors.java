package org.openyibao.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.engine.error.JsonProblem;
import org.openyibao.engine.error.ErrorKind;

/**
 * Every error is {"error": "...", "field": "...", "message": "..."} with the right status: 400 for
 * bad input (naming the field), 404, 409 for a refusal, 422 for a visit the rules cannot settle;
 * 500 only for our own faults, logged without personal data and answered without details.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String field, String message) {
        return body(status, null, field, message);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String code, String field, String message) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", status.getReasonPhrase());
        if (code != null) b.put("code", code);
        if (field != null) b.put("field", field);
        b.put("message", Echo.cut(message, MAX_MESSAGE));
        // the type set here is not negotiated: an error is JSON whatever the Accept header asked for (issue 10: an Accept
        // that no answer satisfies, or one that cannot be parsed, turned every error into a 500 or an empty body)
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(b);
    }

    /** The longest message a reply carries: its size is bounded whatever the request (issue 10). */
    static final int MAX_MESSAGE = 300;

    /** What a Java target type is called in a reply: no class names (issue 10). */
    static String kindOf(Class<?> type) {
        if (type == null) return "value";
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "whole number";
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) return "number";
        if (type == java.time.LocalDate.class) return "date (YYYY-MM-DD)";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "text";
        if (type.isEnum()) return "value";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "list";
        return "value";
    }

    /** The one place an error's kind becomes an HTTP status. */
    public static HttpStatus status(ErrorKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    /** A service's or the engine's coded error: its kind decides the status, its code and field go in the body. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> domain(DomainException e) {
        return body(status(e.kind()), e.code().code(), e.field(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        var f = e.getBindingResult().getFieldError();
        return f == null ? body(HttpStatus.BAD_REQUEST, null, "invalid request")
                : body(HttpStatus.BAD_REQUEST, f.getField(), f.getField() + ": " + f.getDefaultMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Throwable c = e.getCause();
        if (c instanceof UnrecognizedPropertyException u) {
            return body(HttpStatus.BAD_REQUEST, u.getPropertyName(), u.getPropertyName() + ": unknown field");
        }
        if (c instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            String field = f.getPath().get(f.getPath().size() - 1).getFieldName();
            return body(HttpStatus.BAD_REQUEST, field, field + ": " + Echo.cut(String.valueOf(f.getValue())) + " is not a valid "
                    + kindOf(f.getTargetType()));
        }
        if (c instanceof JsonMappingException m && !m.getPath().isEmpty()
                && m.getPath().get(m.getPath().size() - 1).getFieldName() != null) {
            // a value of the wrong shape (an object for a number, a number beyond a long): name the field, not the value
            String field = m.getPath().get(m.getPath().size() - 1).getFieldName();
            String wanted = c instanceof MismatchedInputException mi && mi.getTargetType() != null
                    ? " not a valid " + kindOf(mi.getTargetType()) : " not a valid value";
            return body(HttpStatus.BAD_REQUEST, field, field + ":" + wanted);
        }
        if (c instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return body(HttpStatus.BAD_REQUEST, null, "malformed JSON request body: " + JsonProblem.describe(j));
        }
        return body(HttpStatus.BAD_REQUEST, null, "malformed JSON request body");
    }

    /**
     * Jackson's parser lets a number no decimal holds (an exponent beyond int range, {@code 1e2147483648}) escape as a
     * bare NumberFormatException, with no field to name (issue 10: answered as our fault, a 500). Any other is ours.
     */
    @ExceptionHandler(NumberFormatException.class)
    ResponseEntity<Map<String, Object>> number(NumberFormatException e) {
        for (StackTraceElement at : e.getStackTrace()) {
            if (at.getClassName().startsWith("com.fasterxml.jackson.core.")) {
                return body(HttpStatus.BAD_REQUEST, null, "malformed JSON request body: " + JsonProblem.NUMBER_OUT_OF_RANGE);
            }
        }
        return fault(e);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(org.springframework.web.multipart.MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, null, "a multipart body that cannot be read");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + ": required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + ": '" + Echo.cut(String.valueOf(e.getValue()))
                + "' is not a valid " + kindOf(e.getRequiredType()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e) {
        log.warn("refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return body(HttpStatus.CONFLICT, null, "refused: it conflicts with data already recorded");
    }

    /** The firewall refusing a header's value as it is read (a control or non-Latin character): the caller's mistake. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(RequestRejectedException e) {
        return body(HttpStatus.BAD_REQUEST, null, "request refused: its method, path or headers are not accepted");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, null, "not allowed for your role");
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class})
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, null, "method " + Echo.cut(e.getMethod()) + " is not allowed here"
                + (e.getSupportedHttpMethods() == null ? "" : " (allowed: " + e.getSupportedHttpMethods() + ")"));
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> media(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "send the body as application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return body(HttpStatus.NOT_ACCEPTABLE, null, "no answer in a type the Accept header allows: accept application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, null, "no such endpoint");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> fault(Exception e) {
        // our fault: log the type and where, never the request (it may hold ID numbers and names)
        // where in our code: the first frame of ours (a frame names a method and a line, no data)
        StackTraceElement ours = java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().startsWith("org.openyibao")).findFirst().orElse(null);
        log.error("internal error: {} at {}{}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?",
                ours == null ? "" : ", from " + ours);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, null, "internal error; nothing was changed");
    }
}
