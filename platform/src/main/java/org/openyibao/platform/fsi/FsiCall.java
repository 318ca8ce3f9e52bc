package org.openyibao.platform.fsi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One authenticated call of a transaction: the envelope's fields (INTERFACE §1.5) after the transport checked
 * them. {@code fixmedinsCode} is the AUTHENTICATED institution (the envelope's code has been checked against the
 * credentials), so a handler may rely on it to read only this institution's data. {@code input} is always the
 * plain (decrypted) input object; {@code envelope} is the request envelope as received (with {@code input}
 * replaced by the decrypted object). {@code encryptedReply} tells whether the reply's {@code output} will be
 * SM4-encrypted (the handler returns it unencrypted either way).
 */
public record FsiCall(String infno, String msgid, String fixmedinsCode, String fixmedinsName, String signNo,
                      String insuplcAdmdvs, String mdtrtareaAdmvs, String opter, JsonNode input, JsonNode envelope,
                      boolean encryptedReply) {

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
