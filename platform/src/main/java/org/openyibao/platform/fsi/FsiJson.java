package org.openyibao.platform.fsi;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.openyibao.engine.error.Echo;
import org.openyibao.engine.error.JsonProblem;

/**
 * The interface's JSON: numbers with a fraction read as exact decimals (never doubles) with their trailing zeros,
 * duplicate keys and trailing garbage refused, decimals written plain ({@code 12.30}, never {@code 1.23E+1}).
 */
public final class FsiJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private FsiJson() {}

    /** Parses JSON the interface's way; {@link FsiException} -1 "{what}: ..." when malformed. */
    public static JsonNode parse(String text, String what) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) throw new FsiException(FsiException.SYSTEM, what + ": empty");
            return n;
        } catch (JsonProcessingException e) {
            throw new FsiException(FsiException.SYSTEM, what + ": " + JsonProblem.describe(e));
        } catch (NumberFormatException e) {
            // an exponent beyond int range (1e2147483648): no BigDecimal holds it, and the parser lets this escape unwrapped
            throw new FsiException(FsiException.SYSTEM, what + ": " + JsonProblem.NUMBER_OUT_OF_RANGE + outOfRangeAt(text));
        }
    }

    /** " at input.feedetail[0].cnt": where the first number no decimal holds is, or "" if it cannot be told. */
    private static String outOfRangeAt(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (!t.isNumeric()) continue;
                try {
                    new BigDecimal(p.getText());
                } catch (NumberFormatException e) {
                    return " at " + Echo.cut(path(p.getParsingContext()), 120);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // malformed further on: the place is not told
        }
        return "";
    }

    /** A parser's place as FsiFields names it: {@code input.feedetail[0].cnt}. */
    private static String path(JsonStreamContext c) {
        StringBuilder b = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            b.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return b.length() > 0 && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    static JsonNode parse(String text) {
        return parse(text, "stored reply");
    }

    public static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The exact text of the top-level {@code input} object or array in the envelope as sent, or null: what an SM2
     * signature over "the JSON text of input" was computed on.
     */
    static String rawInput(String envelope) {
        try (JsonParser p = MAPPER.getFactory().createParser(envelope)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("input".equals(name) && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                    return start >= 0 && end <= envelope.length() ? envelope.substring(start, end) : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
