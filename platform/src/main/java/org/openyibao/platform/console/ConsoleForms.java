package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.web.ApiException;

/**
 * What the console's forms share: a refusal shown beside the field it names with what was typed kept, and the typed
 * text read as a date, an amount or a number, a mistake naming its field. The rules stay in the services.
 */
final class ConsoleForms {
    private ConsoleForms() {
    }

    /** The form again, with what was typed and the refusal beside its field ("" when it names none). */
    static String refused(DomainException e, Map<String, String> typed, String view, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(e.field() == null ? "" : e.field(), Echo.cut(e.getMessage(), 300));
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return view;
    }

    /** What was typed in {@code fields}, cut to 100 characters, for the form shown again. */
    static Map<String, String> typed(Map<String, String> form, String... fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : fields) out.put(f, Echo.cut(form.getOrDefault(f, ""), 100));
        return out;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A date typed as YYYY-MM-DD, null when left empty. */
    static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + ": a date, YYYY-MM-DD");
        }
    }

    /** An amount in yuan, at most 2 decimals, null when left empty. */
    static BigDecimal yuan(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip().replace(",", "");
        if (!t.matches("\\d{1,12}(\\.\\d{1,2})?")) throw ApiException.badRequest(field, field + ": an amount in yuan, e.g. 6500.00");
        return new BigDecimal(t);
    }

    /** A whole number, null when left empty. */
    static Integer number(String field, String text, int max) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (!t.matches("\\d{1,9}") || Long.parseLong(t) > max) throw ApiException.badRequest(field, field + ": a number");
        return Integer.valueOf(t);
    }

    /** An id chosen from a list, refused naming {@code field} when it is not a number. */
    static long id(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,18}")) throw ApiException.badRequest(field, field + ": choose one from the list");
        return Long.parseLong(t);
    }
}
