package org.openyibao.platform.fsi.auth;

/**
 * An authentication or admission refusal: answered with infcode -1 and {@link #errMsg()}, and logged at WARN with
 * {@link #reason()}, the institution code and the infno, never with personal data or the body.
 */
public class FsiRefusal extends RuntimeException {
    private final String reason;
    private final String institution;
    private final String keyId;

    public FsiRefusal(String reason, String errMsg, String institution, String keyId) {
        super(errMsg, null, false, false);
        this.reason = reason;
        this.institution = institution;
        this.keyId = keyId;
    }

    /** For the log: what failed, in fixed words (no values from the request but codes). */
    public String reason() {
        return reason;
    }

    /** For the client. */
    public String errMsg() {
        return getMessage();
    }

    public String institution() {
        return institution;
    }

    public String keyId() {
        return keyId;
    }
}
