package org.openyibao.platform.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 18-character resident ID number (公民身份号码, GB 11643-1999): a 6-digit region code, the
 * birth date (YYYYMMDD), a 3-digit sequence whose last digit is odd for men and even for women,
 * and a check digit (ISO 7064 MOD 11-2). {@link #toString()} is masked: the number itself is
 * personal data and never goes into a log or an error message ({@link #redact}).
 */
public final class ResidentId {
    /** Why a number is not a valid resident ID number; the messages never repeat the number. */
    public enum Rule {
        LENGTH("must be 18 characters"),
        CHARACTERS("must be 17 digits followed by a digit or X"),
        REGION("the region code (first two digits) is not a province of China"),
        BIRTH_DATE("the birth date inside it (characters 7-14) is not a valid date"),
        BORN_LATER("the birth date inside it (characters 7-14) is after today"),
        CHECK_DIGIT("the check digit (last character) does not match the other 17 (GB 11643)");

        public final String reason;

        Rule(String reason) {
            this.reason = reason;
        }
    }

    /** A number refused by one of the {@link Rule}s; the message names the rule, not the number. */
    public static final class Invalid extends IllegalArgumentException {
        private final Rule rule;

        Invalid(Rule rule) {
            super(rule.reason);
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** GB/T 2260 province codes, and 81-83 for Hong Kong, Macao and Taiwan residents' permits. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82", "83");
    private static final Pattern LOOKS_LIKE_ID = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private final String value;
    private final LocalDate birthDate;

    private ResidentId(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * The number of a person registered {@code today}, checked by every {@link Rule}; a lower-case x is
     * accepted and stored upper-case. {@code today} comes from the server's one clock.
     */
    public static ResidentId parse(String raw, LocalDate today) {
        return check(raw, today);
    }

    /** The number checked by every {@link Rule} but {@link Rule#BORN_LATER} (to look a number up). */
    public static ResidentId parse(String raw) {
        return check(raw, null);
    }

    private static ResidentId check(String raw, LocalDate today) {
        if (raw == null || raw.length() != 18) throw new Invalid(Rule.LENGTH);
        String v = raw.charAt(17) == 'x' ? raw.substring(0, 17) + 'X' : raw;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') throw new Invalid(Rule.CHARACTERS);
            sum += (c - '0') * WEIGHTS[i];
        }
        char last = v.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') throw new Invalid(Rule.CHARACTERS);
        if (!PROVINCES.contains(v.substring(0, 2))) throw new Invalid(Rule.REGION);
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new Invalid(Rule.BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH)) throw new Invalid(Rule.BIRTH_DATE);
        if (today != null && birth.isAfter(today)) throw new Invalid(Rule.BORN_LATER);
        if (CHECK.charAt(sum % 11) != last) throw new Invalid(Rule.CHECK_DIGIT);
        return new ResidentId(v, birth);
    }

    /** The check digit for the first 17 digits (for generators and tests). */
    public static char checkDigit(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    /** The full number: for the database and the person's own record, never for a log. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** GB/T 2261.1 gender code: "1" male (odd 17th digit), "2" female (even). */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** The region code it was issued under (first 6 digits). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** E.g. 440802********123X: region code and last four kept, birth date hidden. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string as an ID number would be: the first 6 and last 4 characters kept when it is long enough. */
    public static String mask(String raw) {
        if (raw == null) return null;
        if (raw.length() < 14) return "*".repeat(raw.length());
        return raw.substring(0, 6) + "*".repeat(raw.length() - 10) + raw.substring(raw.length() - 4);
    }

    /** The text with everything that looks like an ID number masked: for messages from elsewhere (the database). */
    public static String redact(String text) {
        if (text == null) return null;
        Matcher m = LOOKS_LIKE_ID.matcher(text);
        return m.replaceAll(r -> r.group(1) + "********" + r.group(2));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that a ResidentId concatenated into a log line gives nothing away. */
    @Override
    public String toString() {
        return masked();
    }
}
