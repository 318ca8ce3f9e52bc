package org.openyibao.platform.fsi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One authenticated call of a transaction: the envelope's fields (INTERFACE §1.5) after the transport checked
 * them. {@code fixmedinsCode} is the AUTHENTICATED institution (the envelope's code has been checked against the
 * credentials), so a handler may rely on it to read only this institution's data. {@code input} is always the
 * plain (decrypted) input object; {@code envelope} is the request envelope as received (with {@code input}
 * replaced by the decrypted object). {@code encryptedReply} tells whether the reply's {@code output} will be
 * SM4-encrypted (the handler returns it unencrypted either way). {@code received} is when the server received the
 * call, read once from the server's one clock ({@code PlatformClock}) in the interface's zone ({@code yibao.fsi.zone}):
 * every "now" and "today" of the call is this instant ({@link #now()}, {@link #today()}), so one request never sees
 * two days around midnight and tests can fix the time.
 */
public record FsiCall(String infno, String msgid, String fixmedinsCode, String fixmedinsName, String signNo,
                      String insuplcAdmdvs, String mdtrtareaAdmvs, String opter, JsonNode input, JsonNode envelope,
                      boolean encryptedReply, ZonedDateTime received) {

    /** The call's "now": when it was received, local time in the interface's zone. */
    public LocalDateTime now() {
        return received.toLocalDateTime();
    }

    /** The call's "today": the day it was received in the interface's zone. */
    public LocalDate today() {
        return received.toLocalDate();
    }

    /** The input, for reading fields with err_msg paths starting {@code input.}. */
    public FsiFields fields() {
        return FsiFields.of(input, "input");
    }

    /** {@code input.data}, required: most transactions put their payload there. */
    public FsiFields data() {
        return fields().object("data");
    }

    /** The envelope's {@code opter_name}, or null. */
    public String opterName() {
        return FsiFields.of(envelope, "").optText("opter_name");
    }

    /** The envelope's {@code opter_type} (1 staff, 2 self-service terminal, 3 mobile terminal), or null. */
    public String opterType() {
        return FsiFields.of(envelope, "").optText("opter_type");
    }

    /** The envelope's {@code inf_time} as sent (yyyy-MM-dd HH:mm:ss), or null. */
    public String infTime() {
        return FsiFields.of(envelope, "").optText("inf_time");
    }
}
