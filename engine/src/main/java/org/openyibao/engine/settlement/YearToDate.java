package org.openyibao.engine.settlement;

import static org.openyibao.engine.settlement.Accumulator.*;

/**
 * The person's totals while one visit is settled. Only the run loop ({@link SettlementEngine})
 * writes them, applying what each tier returns; tiers read them.
 */
final class YearToDate {
    final int year;
    long poolingPaid;
    long deductiblePaid;
    long specialDeductiblePaid;
    long townshipOutpatientPaid;
    long largeAmountPaid;
    long seriousIllnessBase;
    long seriousIllnessPaid;
    long assistanceBase;
    long assistancePaid;
    long emergencyPaid;
    long cardBalance;
    int cardYear;
    long accountBalance;

    YearToDate(Accumulators a) {
        year = a.year();
        poolingPaid = a.hifpPaid();
        deductiblePaid = a.deductiblePaid();
        specialDeductiblePaid = a.specialDeductiblePaid();
        townshipOutpatientPaid = a.townshipOutpatientPaid();
        largeAmountPaid = a.largeAmountPaid();
        seriousIllnessBase = a.seriousIllnessBase();
        seriousIllnessPaid = a.seriousIllnessPaid();
        assistanceBase = a.assistanceBase();
        assistancePaid = a.assistancePaid();
        emergencyPaid = a.emergencyPaid();
        cardBalance = a.cardBalance();
        cardYear = a.cardYear();
        accountBalance = a.accountBalance();
    }

    Accumulators toAccumulators() {
        return Accumulators.builder(year).set(POOLING_PAID, poolingPaid).set(DEDUCTIBLE_PAID, deductiblePaid)
                .set(SPECIAL_DEDUCTIBLE_PAID, specialDeductiblePaid).set(TOWNSHIP_OUTPATIENT_PAID, townshipOutpatientPaid)
                .set(LARGE_AMOUNT_PAID, largeAmountPaid).set(SERIOUS_ILLNESS_BASE, seriousIllnessBase)
                .set(SERIOUS_ILLNESS_PAID, seriousIllnessPaid).set(ASSISTANCE_BASE, assistanceBase)
                .set(ASSISTANCE_PAID, assistancePaid).set(EMERGENCY_PAID, emergencyPaid).set(CARD_BALANCE, cardBalance)
                .set(CARD_YEAR, cardYear).set(ACCOUNT_BALANCE, accountBalance).build();
    }
}
