package org.openyibao.platform.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;

/** What the feedback pages share: one page of a list, and a refusal beside its field in the reader's words. */
@Component
class FeedbackPages {
    static final int PAGE = 20;
    private final MessageSource messages;

    FeedbackPages(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts page {@code page} of {@code rows} (which holds one more row when another page follows) in the model. */
    static void page(List<Feedback> rows, int page, Model model) {
        model.addAttribute("rows", rows.stream().limit(PAGE).toList());
        model.addAttribute("page", page);
        model.addAttribute("more", rows.size() > PAGE);
    }

    /** The refusal by field ("" when it names none): the bundle's words for the field when it has them, else the service's. */
    Map<String, String> errors(DomainException e) {
        String field = e.field() == null ? "" : e.field();
        Locale locale = LocaleContextHolder.getLocale();
        String words = messages.getMessage("feedback.error." + field, null, "", locale);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(field, words == null || words.isEmpty() ? Echo.cut(e.getMessage(), 300) : words);
        return out;
    }
}
