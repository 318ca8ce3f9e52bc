package org.openyibao.engine.settlement;

/**
 * The person's year-to-date totals the rules depend on, one row each: the name stored in the
 * database ({@code person_year}), the name in calc requests and replies, what it means, whether it
 * starts again at zero each year, and its unit. Storage, calc and cancellation all read this table.
 */
public enum Accumulator {
    POOLING_PAID("hifp_paid", "hifp_pay", "paid by the basic pooling fund this year (annual cap)", Span.YEAR, Unit.FEN),
    DEDUCTIBLE_PAID("deductible_paid", "deductible_paid", "inpatient deductible paid this year", Span.YEAR, Unit.FEN),
    SPECIAL_DEDUCTIBLE_PAID("special_deductible_paid", "special_deductible_paid",
            "special outpatient diseases' deductible paid this year", Span.YEAR, Unit.FEN),
    TOWNSHIP_OUTPATIENT_PAID("township_outpatient_paid", "township_outpatient_pay",
            "paid for township outpatient visits this year (yearly limit)", Span.YEAR, Unit.FEN),
    LARGE_AMOUNT_PAID("large_amount_paid", "hifob_pay", "paid by large-amount cover this year", Span.YEAR, Unit.FEN),
    SERIOUS_ILLNESS_BASE("serious_illness_base", "serious_illness_base",
            "cumulative in-scope self-pay the serious-illness bands apply to", Span.YEAR, Unit.FEN),
    SERIOUS_ILLNESS_PAID("serious_illness_paid", "hifmi_pay", "paid by serious-illness insurance this year", Span.YEAR,
            Unit.FEN),
    ASSISTANCE_BASE("assistance_base", "assistance_base", "cumulative self-pay after insurance medical assistance applies to",
            Span.YEAR, Unit.FEN),
    ASSISTANCE_PAID("assistance_paid", "maf_pay", "paid by medical assistance this year", Span.YEAR, Unit.FEN),
    EMERGENCY_PAID("emergency_paid", "oth_pay", "paid by public-health emergency cover this year", Span.YEAR, Unit.FEN),
    CARD_BALANCE("card_balance", "outpatient_card_balance", "the residents' village outpatient card balance", Span.CARRIED,
            Unit.FEN),
    CARD_YEAR("card_year", "outpatient_card_year", "the last year the outpatient card was credited (0: never)", Span.CARRIED,
            Unit.YEAR),
    ACCOUNT_BALANCE("account_balance", "account_balance", "the employee's individual account balance (kept by the account,"
            + " not the person-year row)", Span.CARRIED, Unit.FEN);

    /** Whether the total starts again each year or carries over. */
    public enum Span { YEAR, CARRIED }

    /** fen, or a calendar year */
    public enum Unit { FEN, YEAR }

    private final String column;
    private final String calcName;
    private final String meaning;
    private final Span span;
    private final Unit unit;

    Accumulator(String column, String calcName, String meaning, Span span, Unit unit) {
        this.column = column;
        this.calcName = calcName;
        this.meaning = meaning;
        this.span = span;
        this.unit = unit;
    }

    /** The column of {@code person_year} (or, for the account balance, the name in a delta). */
    public String column() {
        return column;
    }

    /** The field name in calc requests and replies (docs/calc.md). */
    public String calcName() {
        return calcName;
    }

    public String meaning() {
        return meaning;
    }

    public Span span() {
        return span;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether the person-year row stores it (the account balance lives with the account). */
    public boolean inPersonYear() {
        return this != ACCOUNT_BALANCE;
    }

    /** The accumulator stored in {@code column}, or null. */
    public static Accumulator ofColumn(String column) {
        for (Accumulator a : values()) if (a.column.equals(column)) return a;
        return null;
    }
}
