package org.openyibao.engine.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with malformed JSON, in our words: the parser's own messages name its classes and
 * features ({@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}) and repeat the caller's text, and no
 * reply may carry either (issue 10).
 */
public final class JsonProblem {
    /** A number no decimal can hold: an exponent beyond int range ({@code 1e2147483648}). */
    public static final String NUMBER_OUT_OF_RANGE = "a number out of range";

    private JsonProblem() {}

    /** "not valid JSON (line 1, column 7)" and the like. */
    public static String describe(JsonProcessingException e) {
        return what(e) + where(e.getLocation());
    }

    private static String what(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) return "a number, string or nesting beyond the allowed size";
        if (e instanceof JsonEOFException || original.contains("end-of-input")) return "the JSON ends before its value is complete";
        if (original.startsWith("Duplicate field '")) {
            int end = original.indexOf('\'', "Duplicate field '".length());
            String name = end < 0 ? "" : original.substring("Duplicate field '".length(), end);
            return "the field '" + Echo.cut(name) + "' is given twice";
        }
        if (original.startsWith("Trailing token")) return "text after the end of the JSON value";
        if (e instanceof MismatchedInputException && original.startsWith("No content")) return "no JSON value";
        if (original.startsWith("Unexpected character") || original.startsWith("Unrecognized token")) {
            return "not valid JSON: an unexpected character";
        }
        if (original.contains("Numeric value") && original.contains("out of range")) return NUMBER_OUT_OF_RANGE;
        if (original.contains("Invalid UTF-8")) return "not valid UTF-8";
        return "not valid JSON";
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return "";
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
