package org.openyibao.platform.fsi.auth;

/**
 * An authentication or admission refusal: answered with infcode -1 and {@link #errMsg()}, and logged at WARN with
 * {@link #reason()}, the institution code and the infno, never with personal data or the body.
 */
public class FsiRefusal extends RuntimeException {
    private final String reason;
    private final String institution;
    private final String keyId;

    /**
     * A refusal of a caller whose institution and key are known ({@code c.fixmedinsCode()}, {@code c.keyId()}):
     * validated codes, logged as they are.
     */
    public FsiRefusal(String reason, String errMsg, String institution, String keyId) {
        super(errMsg, null, false, false);
        this.reason = reason;
        this.institution = institution;
        this.keyId = keyId;
    }

    /**
     * A refusal before the caller is known: the institution code and key it claims are whatever it sent (an ID number
     * or a name, the outside test found), so the log gets them masked ({@link FsiRefusals#masked}).
     */
    public static FsiRefusal unverified(String reason, String errMsg, String claimedInstitution, String keyKind,
                                        String claimedKey) {
        return new FsiRefusal(reason, errMsg, FsiRefusals.masked(claimedInstitution),
                claimedKey == null ? null : keyKind + " " + FsiRefusals.masked(claimedKey));
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
