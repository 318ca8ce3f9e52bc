package org.openyibao.platform.console.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.openyibao.platform.web.ApiException;

/**
 * A reform overlay as the console receives it, pasted or uploaded: UTF-8 text of at most {@link #MAX_BYTES} bytes,
 * named as problems will name it. Anything else is refused with the field it came in.
 */
public record OverlayText(String name, String text) {
    /** 64 KiB: the shipped overlays are under 4 KiB; a pack's whole resident.yaml is under 16 KiB. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The name a pasted overlay gets in problems. */
    public static final String PASTED = "pasted.yaml";

    /** Refuses a file of {@code bytes} bytes when it is larger than an overlay may be, before reading it. */
    public static void fits(String field, long bytes) {
        if (bytes > MAX_BYTES) throw tooLarge(field, bytes);
    }

    /** An uploaded file's bytes ({@code field} "file"): refused when empty, too large or not UTF-8 text. */
    public static OverlayText uploaded(String field, String fileName, byte[] bytes) {
        fits(field, bytes.length);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(field, field + ": not UTF-8 text: an overlay is a YAML file");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return of(field, safeName(fileName), text);
    }

    /** Pasted text ({@code field} "overlay"). */
    public static OverlayText pasted(String field, String text) {
        return of(field, PASTED, text == null ? "" : text);
    }

    private static OverlayText of(String field, String name, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) throw tooLarge(field, bytes);
        if (text.isBlank()) throw ApiException.badRequest(field, field + ": empty: paste an overlay or choose a file");
        return new OverlayText(name, text);
    }

    private static ApiException tooLarge(String field, long bytes) {
        return ApiException.badRequest(field, field + ": " + bytes + " bytes, more than the " + MAX_BYTES
                + " an overlay may have (" + MAX_BYTES / 1024 + " KiB)");
    }

    /** The file's own name, without any directory, of plain characters; "uploaded.yaml" when it has none. */
    private static String safeName(String fileName) {
        if (fileName == null) return "uploaded.yaml";
        String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return base.isEmpty() ? "uploaded.yaml" : base.length() > 60 ? base.substring(0, 60) : base;
    }
}
