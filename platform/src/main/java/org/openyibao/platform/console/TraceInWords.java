package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * A settlement's trace in the reader's language: each step's words as data (the engine's {@code TraceWords}: a kind and
 * its figures in order) put into the sentence {@code portal.trace.<kind>} of the portal's bundle, amounts in yuan with
 * two decimals, ratios in percent. A step without words (a trace stored before they existed) or of a kind without a
 * sentence keeps the engine's English text.
 */
@Component
public class TraceInWords {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final MessageSource messages;
    private final ConsoleFormat format;

    public TraceInWords(MessageSource messages, ConsoleFormat format) {
        this.messages = messages;
        this.format = format;
    }

    /** A step as a reader sees it: the rule's code (for the curious), the sentence, and whether it is in their words. */
    public record Step(String rule, String sentence, boolean translated) {}

    /** Every step of {@code trace} (the stored JSON array) in {@code locale}'s words. */
    public List<Step> steps(JsonNode trace, Locale locale) {
        List<Step> out = new ArrayList<>();
        for (JsonNode t : trace) out.add(step(t, locale));
        return out;
    }

    Step step(JsonNode t, Locale locale) {
        String rule = t.path("rule").asText();
        JsonNode words = t.path("words");
        if (words.isObject()) {
            try {
                String sentence = messages.getMessage("portal.trace." + words.path("kind").asText(), args(words, locale), locale);
                return new Step(rule, sentence, true);
            } catch (NoSuchMessageException e) {
                // a kind the bundle does not know yet: the engine's English text below
            }
        }
        return new Step(rule, t.path("explanation").asText(), false);
    }

    private Object[] args(JsonNode words, Locale locale) {
        List<Object> out = new ArrayList<>();
        for (JsonNode f : words.path("figures")) out.add(figure(f, locale));
        return out.toArray();
    }

    /** One figure as text (read from its decimal text, never a double): yuan "29,700.00" (no cap in words), a ratio "70%", a count. */
    private String figure(JsonNode f, Locale locale) {
        if (f.has("yuan")) {
            if (f.get("yuan").isNull()) return messages.getMessage("portal.trace.nocap", null, locale);
            String yuan = format.yuan(new BigDecimal(f.get("yuan").asText()));
            // a cap or limit carries its unit (the sentence cannot: it may be "no cap")
            String name = f.path("name").asText();
            boolean cap = name.endsWith("cap") || name.endsWith("limit");
            return cap ? messages.getMessage("portal.trace.capyuan", new Object[] {yuan}, locale) : yuan;
        }
        if (f.has("ratio")) return new BigDecimal(f.get("ratio").asText()).multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
        return f.path("count").asText();
    }
}
