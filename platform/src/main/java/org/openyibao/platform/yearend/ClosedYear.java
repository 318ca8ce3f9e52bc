package org.openyibao.platform.yearend;

import java.util.List;

import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.platform.casepayment.CaseYearEndEntries;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.ledger.YearEndClose;

/**
 * A region's year as {@code yibao close-year} closed it (or would close it: a preview has no entry ids): the inputs, the
 * insurer's part, each budgeted institution's year-end, each hospital's DRG/DIP year-end (cases), the ledger's closing entry. Every amount names where it came from or where it went on the ledger.
 *
 * @param alreadyClosed true when this run found the year closed with the same inputs and posted nothing
 */
public record ClosedYear(String admdvs, String regionName, int year, YearEndInputs inputs, boolean alreadyClosed,
                         Insurer insurer, List<InstitutionYearEnds.Row> institutions, CaseYearEndEntries.Part cases,
                         YearEndClose.Result ledgerClose,
                         String closedAt) {
    public ClosedYear {
        institutions = List.copyOf(institutions);
    }

    /** The same year with the insurer's entries as posted. */
    ClosedYear withInsurerEntries(List<Long> ids) {
        if (insurer == null) return this;
        Insurer i = new Insurer(insurer.contractSource(), insurer.figures(), insurer.yearEnd(), insurer.steps(), ids,
                insurer.regulator(), insurer.owedToInsurerFen());
        return new ClosedYear(admdvs, regionName, year, inputs, alreadyClosed, i, institutions, cases, ledgerClose, closedAt);
    }

    /**
     * The insurer's year-end: the contract's source, the figures read from the ledger, the engine's arithmetic, the
     * entries (with their ids once posted), the regulator figures and what is left owed between fund and insurer.
     * Null parts: a pack without an insurer's contract.
     *
     * @param owedToInsurerFen the credit balance of premium_due for the year after the entries: what the fund owes the
     *                         insurer (negative: what the insurer owes the fund), paid after the year-end
     */
    public record Insurer(String contractSource, InsurerLedgerFigures figures, YearEnd yearEnd,
                          List<InsurerYearEndEntries.Step> steps, List<Long> entryIds, RegulatorFigures regulator,
                          long owedToInsurerFen) {
        public Insurer {
            steps = List.copyOf(steps);
            entryIds = List.copyOf(entryIds);
        }
    }
}
