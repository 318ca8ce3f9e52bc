package org.openyibao.platform.yearend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.openyibao.engine.hospital.BudgetYearEnd;
import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.insurer.YearEndStep;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Cited;
import org.openyibao.platform.casepayment.CaseYearEndEntries;
import org.openyibao.platform.casepayment.CaseYearEnds;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.ledger.YearEndClose;

/**
 * The year's close as a report an auditor follows line by line back to the ledger (docs/year-end.md#the-report): the
 * CSV has one line per figure, step and entry — section, item, amount in yuan, how it was obtained, the account and
 * the journal entries — and the HTML page shows the same lines with the contract's sources and the regulator figures.
 */
public final class CloseYearReport {
    /** One line: every amount in yuan with two decimals; entries are journal entry ids, space-separated. */
    public record Line(String section, String item, String amount, String basis, String account, String entries) {}

    public static final String CSV_HEADER = "section,item,amount_yuan,basis,account,entries";

    private CloseYearReport() {}

    public static List<Line> lines(ClosedYear y) {
        List<Line> lines = new ArrayList<>();
        ClosedYear.Insurer i = y.insurer();
        if (i != null) insurer(y, i, lines);
        institutions(y, lines);
        cases(y, lines);
        YearEndClose.Result c = y.ledgerClose();
        if (c != null) {
            for (YearEndClose.Closed f : c.funds()) {
                lines.add(new Line("ledger close", f.fund() + ": surplus into fund_balance", plain(f.surplus()),
                        "income " + plain(f.income()) + " − expenditure " + plain(f.expenditure()),
                        y.admdvs() + ":" + f.fund() + ":fund_balance", String.valueOf(c.entryId())));
            }
            if (c.funds().isEmpty()) {
                lines.add(new Line("ledger close", "closing entry", "", "income and expenditure of every fund into its"
                        + " fund_balance", y.admdvs() + ":*:fund_balance", String.valueOf(c.entryId())));
            }
        }
        return lines;
    }

    private static void insurer(ClosedYear y, ClosedYear.Insurer i, List<Line> lines) {
        for (LedgerSum s : i.figures().all()) {
            lines.add(new Line("insurer: figures", s.what(), yuan(s.fen()), s.basis(y.year()), s.account(), ids(s.entryIds())));
        }
        lines.add(new Line("insurer: figures", "claims counted", yuan(i.figures().claimsFen()),
                "claims reimbursed − recoveries of the case audit", "", ""));
        YearEnd e = i.yearEnd();
        for (YearEndStep st : e.steps()) {
            lines.add(new Line("insurer: contract", st.rule(), yuan(st.amountFen()), st.explanation() + sources(st.parameters()),
                    "", ""));
        }
        for (int k = 0; k < i.steps().size(); k++) {
            InsurerYearEndEntries.Step st = i.steps().get(k);
            String prefix = y.admdvs() + ":serious_illness:";
            lines.add(new Line("insurer: entries", st.words(), yuan(st.fen()), "Dr " + prefix + st.debit() + " / Cr " + prefix
                    + st.credit(), prefix + st.credit(), k < i.entryIds().size() ? String.valueOf(i.entryIds().get(k)) : ""));
        }
        lines.add(new Line("insurer: entries", i.owedToInsurerFen() >= 0 ? "owed to the insurer after the year-end"
                : "owed by the insurer after the year-end", yuan(Math.abs(i.owedToInsurerFen())),
                "premium − reserve − instalments, + the entries above that credit premium_due, − those that debit it",
                y.admdvs() + ":serious_illness:premium_due", ""));
        RegulatorFigures r = i.regulator();
        lines.add(new Line("regulator", "premium", yuan(r.premiumFen()), "premium from contributions", "", ""));
        lines.add(new Line("regulator", "claims paid", yuan(r.claimsFen()), "claims counted", "", ""));
        lines.add(new Line("regulator", "loss ratio", ratio(r.lossRatio()), "claims paid ÷ premium", "", ""));
        lines.add(new Line("regulator", "administration cost", yuan(r.administrationCostFen()), "declared by the insurer", "", ""));
        lines.add(new Line("regulator", "administration cost ratio", ratio(r.administrationCostRatio()),
                "administration cost ÷ premium", "", ""));
        lines.add(new Line("regulator", "insurer's result", yuan(r.resultAfterFen()), "after the corridor", "", ""));
        lines.add(new Line("regulator", "profit rate", ratio(r.profitRate()), "insurer's result ÷ premium", "", ""));
        lines.add(new Line("regulator", "beneficiaries", String.valueOf(r.beneficiaries()),
                "persons with a serious-illness payment in a settlement of the year (cancelled apart)", "", ""));
        lines.add(new Line("regulator", "average benefit per beneficiary", r.averageBenefitFen() == null ? ""
                : yuan(r.averageBenefitFen()), "claims paid ÷ beneficiaries, half-up to the fen", "", ""));
    }

    /** Each budgeted institution's year-end: its balance, how it came about, and its entry on the pooling fund. */
    private static void institutions(ClosedYear y, List<Line> lines) {
        long paid = 0, clawed = 0;
        for (InstitutionYearEnds.Row r : y.institutions()) {
            BudgetYearEnd e = r.yearEnd();
            long b = e.balanceFen();
            if (b >= 0) paid += b; else clawed -= b;
            lines.add(new Line("institutions", r.institutionCode() + " " + r.institutionName() + (b >= 0 ? ": the fund pays"
                    : ": the fund claws back"), yuan(Math.abs(b)), "budget " + yuan(e.budgetFen()) + "; spending counted "
                    + yuan(e.spendingCountedFen()) + "; borne by the institution " + yuan(e.borneFen()) + "; saving kept "
                    + yuan(e.savingKeptFen()) + "; emergency outside the budget " + yuan(e.emergencyOutsideFen())
                    + "; deposit returned " + yuan(e.depositReturnedFen()) + ", kept " + yuan(e.depositKeptFen()) + "; due "
                    + yuan(e.totalDueFen()) + " − prepaid " + yuan(e.prepaidFen()) + (r.evaluationPassed() ? ""
                    : "; evaluation failed"), y.admdvs() + ":pooling:bank", r.entryId() == null ? "" : String.valueOf(r.entryId())));
        }
        if (!y.institutions().isEmpty()) {
            lines.add(new Line("institutions", "total paid to institutions at the year-end", yuan(paid),
                    y.institutions().size() + " institutions with a budget", "", ""));
            lines.add(new Line("institutions", "total clawed back from institutions", yuan(clawed), "", "", ""));
        }
    }

    /**
     * The DRG/DIP year-end (docs/hospital-payment.md#case-year-end): each DIP pool's point value, then each hospital's
     * final, the fund's due, what was advanced and the balance, with its entry on the pooling fund.
     */
    private static void cases(ClosedYear y, List<Line> lines) {
        if (y.cases() == null || y.cases().isEmpty()) return;
        for (CaseYearEnds.Pool p : y.cases().pools()) {
            lines.add(new Line(CASES, "point value (" + (p.scheme() == null ? "all schemes" : p.scheme()) + ")",
                    p.pointValue().toPlainString(), "(budget " + plain(p.budget()) + " + the patients' share "
                    + plain(p.patientShare()) + ") ÷ " + p.points().toPlainString() + " points", "", ""));
        }
        for (CaseYearEndEntries.Line l : y.cases().lines()) {
            long b = Money.fen(l.balance());
            lines.add(new Line(CASES, l.institutionCode() + " " + l.method() + (l.scheme() == null ? "" : " " + l.scheme())
                    + (b >= 0 ? ": the fund pays" : ": the fund recovers"), yuan(Math.abs(b)), "final " + plain(l.finalAmount())
                    + "; the fund's due " + plain(l.fundDue()) + " (less the patients' share); advanced " + plain(l.advanced())
                    + "; balance " + plain(l.balance()), y.admdvs() + ":pooling:bank",
                    l.entryId() == null ? "" : String.valueOf(l.entryId())));
        }
    }

    static final String CASES = "case-based payment";

    public static String csv(ClosedYear y) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Line l : lines(y)) {
            b.append(String.join(",", cell(l.section()), cell(l.item()), cell(l.amount()), cell(l.basis()), cell(l.account()),
                    cell(l.entries()))).append('\n');
        }
        return b.toString();
    }

    public static String html(ClosedYear y) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc("Year-end " + y.year() + " — " + y.regionName() + " (" + y.admdvs() + ")")).append("</title><style>")
                .append("body{font-family:sans-serif;margin:1.5rem;max-width:72rem}table{border-collapse:collapse;width:100%}")
                .append("td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}small{color:#555}")
                .append("</style></head><body>");
        b.append("<h1>").append(esc("Year-end " + y.year() + ": " + y.regionName() + " (" + y.admdvs() + ")")).append("</h1>");
        b.append("<p>").append(esc(y.closedAt() == null ? "Preview: nothing is posted."
                : (y.alreadyClosed() ? "Closed before, on " : "Closed on ") + y.closedAt()
                        + (y.ledgerClose() == null ? "" : "; closing entry " + y.ledgerClose().entryId()) + ".")).append("</p>");
        b.append("<p>").append(esc("Inputs: insurer's administration cost " + Money.format(y.inputs().insurerAdministrationCostFen())
                + "; loss caused by a policy change " + Money.format(y.inputs().policyChangeLossFen()) + "; insurer's evaluation "
                + (y.inputs().insurerEvaluationPassed() ? "passed" : "failed") + "; institutions that failed theirs: "
                + (y.inputs().failedInstitutions().isEmpty() ? "none" : y.inputs().failedList()) + ".")).append("</p>");
        if (y.insurer() != null) {
            b.append("<p><small>").append(esc("The insurer's contract: " + y.insurer().contractSource())).append("</small></p>");
        }
        String section = null;
        for (Line l : lines(y)) {
            if (!l.section().equals(section)) {
                if (section != null) b.append("</tbody></table>");
                section = l.section();
                b.append("<h2>").append(esc(section)).append("</h2><table><thead><tr><th>item</th><th>amount (yuan)</th>")
                        .append("<th>how</th><th>account</th><th>entries</th></tr></thead><tbody>");
            }
            b.append("<tr><td>").append(esc(l.item())).append("</td><td class=\"n\">").append(esc(l.amount()))
                    .append("</td><td><small>").append(esc(l.basis())).append("</small></td><td><small>").append(esc(l.account()))
                    .append("</small></td><td><small>").append(esc(l.entries())).append("</small></td></tr>");
        }
        if (section != null) b.append("</tbody></table>");
        return b.append("</body></html>").toString();
    }

    private static String sources(List<Cited> parameters) {
        if (parameters.isEmpty()) return "";
        return " [" + parameters.stream().map(c -> c.path() + " = " + c.value() + " (" + c.source() + ")")
                .collect(Collectors.joining("; ")) + "]";
    }

    private static String yuan(long fen) {
        return Money.yuan(fen).toPlainString();
    }

    private static String plain(BigDecimal yuan) {
        return yuan.setScale(2).toPlainString();
    }

    private static String ratio(BigDecimal r) {
        return r == null ? "" : r.toPlainString();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
