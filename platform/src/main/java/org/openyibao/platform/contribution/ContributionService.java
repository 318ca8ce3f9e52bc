package org.openyibao.platform.contribution;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.contribution.ContributionCalculator;
import org.openyibao.engine.contribution.ContributionCalculator.EmployeeMonth;
import org.openyibao.engine.contribution.ContributionCalculator.ResidentYear;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.Amounts;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Fields;
import org.openyibao.platform.web.ApiException;

/**
 * Contributions: employees' months, residents' years, retirees' account credits, and arrears.
 * Each payment is one contribution row, one balanced journal entry (cause_type 'contribution',
 * cause_ref the contribution id) and the individual-account credit, in one transaction.
 *
 * <ul>
 *   <li>A second payment for the same enrolment, kind and period is refused (409) naming the first:
 *       a retry after a lost answer finds the contribution with GET, nothing is paid twice.</li>
 *   <li>Arrears: a period recorded as due and unpaid accrues a receivable (Dr contributions_receivable,
 *       Cr contributions) and, where the pack says arrears suspend benefits, opens a suspension. Paying
 *       it (Dr bank, Cr contributions_receivable; the account credit then) closes the suspension once the
 *       enrolment owes nothing more: seed 003 L1060, "those who fail to pay in full cannot enjoy the
 *       treatment; the re-insured enjoy it after paying in full".</li>
 *   <li>The average wage the payment base refers to is the region's wage of the previous year
 *       (region_average_wage, set with {@link #setAverageWage}).</li>
 *   <li>A resident's year records the individual part and the fiscal subsidy (due_fen is both), but its entries
 *       move only the individual part: the subsidy is finance's money, posted as a fiscal transfer of the month
 *       the resident paid ({@link ResidentSubsidy}, {@code FiscalTransfers}; docs/ledger.md#fiscal-transfers).</li>
 * </ul>
 */
@Service
public class ContributionService {
    public static final String EMPLOYEE_MONTHLY = "employee_monthly";
    public static final String RESIDENT_ANNUAL = "resident_annual";
    public static final String RETIREE_CREDIT = "retiree_credit";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;

    public ContributionService(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
    }

    // ---------------------------------------------------------------- requests and answers

    /** An employee's month: paid (paid_on given) or recorded as due. Wage in yuan; not used for single pooling. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EmployeeMonthRequest(Long enrolmentId, String period, BigDecimal wage, LocalDate paidOn) {}

    /** A resident's year: paid (paid_on given) or recorded as due. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResidentYearRequest(Long enrolmentId, Integer year, LocalDate paidOn) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RetireeCreditRequest(Long enrolmentId, String period, LocalDate creditedOn) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PaymentRequest(LocalDate paidOn) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AverageWageRequest(BigDecimal averageMonthlyWage, String source) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AverageWage(String admdvs, int year, BigDecimal averageMonthlyWage, String source) {}

    /**
     * A contribution as recorded; amounts in yuan. status: paid, due (arrears) or credited (a retiree's
     * account credit). benefits_restored_on: set on the payment that cleared the enrolment's last arrears.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContributionView(long id, long enrolmentId, long personId, String kind, String period, String status,
                                   BigDecimal base, BigDecimal employer, BigDecimal employee, BigDecimal subsidy,
                                   BigDecimal account, BigDecimal pooling, BigDecimal seriousIllness, BigDecimal due,
                                   BigDecimal paid, String paidOn, Long entryId, Long dueEntryId, String benefitsRestoredOn) {
        ContributionView restoredOn(LocalDate date) {
            return new ContributionView(id, enrolmentId, personId, kind, period, status, base, employer, employee, subsidy,
                    account, pooling, seriousIllness, due, paid, paidOn, entryId, dueEntryId, date.toString());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Arrears(long personId, BigDecimal total, List<ContributionView> contributions) {}

    /** The enrolment a contribution is for, with its region's policy pack. */
    record Enrolment(long id, long personId, String scheme, String admdvs, String paymentMode, String employment,
                     int contributionLevel, LocalDate validFrom, LocalDate validUntil, String policyPack) {
        boolean covers(LocalDate from, LocalDate to) {
            return !validFrom.isAfter(to) && (validUntil == null || !validUntil.isBefore(from));
        }

        String validity() {
            return validFrom + " – " + (validUntil == null ? "open" : validUntil.toString());
        }
    }

    // ---------------------------------------------------------------- employees

    /** Pays an employee's month (paid_on required). */
    public ContributionView payEmployee(EmployeeMonthRequest r) {
        return tx.execute(s -> employee(r, true));
    }

    /** Records an employee's month as due and unpaid (arrears); paid_on must be absent. */
    public ContributionView employeeDue(EmployeeMonthRequest r) {
        return tx.execute(s -> employee(r, false));
    }

    private ContributionView employee(EmployeeMonthRequest r, boolean pay) {
        long enrolmentId = Fields.required("enrolment_id", r.enrolmentId());
        YearMonth period = month("period", r.period());
        LocalDate paidOn = paidOn(r.paidOn(), pay);
        Enrolment en = enrolment(enrolmentId);
        if (!"employee".equals(en.scheme())) {
            throw ApiException.conflict("enrolment_id", "enrolment_id: enrolment " + enrolmentId + " is in the " + en.scheme()
                    + " scheme; residents pay a year: POST /api/contributions/resident");
        }
        if ("retired".equals(en.employment())) {
            throw ApiException.conflict("enrolment_id", "enrolment_id: enrolment " + enrolmentId + " is a retiree's, who pays no"
                    + " contribution; the account is credited monthly: POST /api/contributions/retiree-credit");
        }
        long wage = "single_pooling".equals(en.paymentMode()) && r.wage() == null ? 0 : Amounts.positiveFen("wage", r.wage());
        requireCovered(en, period.atDay(1), period.atEndOfMonth(), period.toString());
        refuseRepeat(en, EMPLOYEE_MONTHLY, period.toString());
        PolicyPack pack = packs.pack(en.policyPack());
        long average = averageWageFen(en.admdvs(), period.getYear() - 1);
        EmployeeMonth m = ContributionCalculator.employee(pack, period, en.paymentMode(), wage, average);
        long id = insert(en, EMPLOYEE_MONTHLY, period.toString(), m.baseFen(), m.employerFen(), m.employeeFen(), 0,
                m.accountFen(), m.poolingFen(), 0, m.dueFen(), pay ? m.dueFen() : 0, paidOn);
        String what = "employee contribution " + period + ", enrolment " + en.id() + ": employer " + Money.format(m.employerFen())
                + " + employee " + Money.format(m.employeeFen()) + " on base " + Money.format(m.baseFen());
        if (pay) {
            long entry = ledger.post(JournalEntry.builder(en.admdvs(), paidOn, "contribution", String.valueOf(id), what
                            + (m.accountFen() > 0 ? " (account " + Money.format(m.accountFen()) + ")" : ""))
                    .move(Fund.POOLING.account("bank"), Fund.POOLING.account("contributions"), m.poolingFen())
                    .creditIndividualAccount(en.personId(), Fund.INDIVIDUAL_ACCOUNTS.account("bank"), m.accountFen())
                    .build());
            jdbc.update("UPDATE contribution SET entry_id = ? WHERE id = ?", entry, id);
        } else {
            // the account part is credited when paid, never before: a holder cannot spend what was not paid
            long entry = ledger.post(JournalEntry.builder(en.admdvs(), period.atDay(1), "contribution", String.valueOf(id),
                            "due, unpaid: " + what)
                    .move(Fund.POOLING.account("contributions_receivable"), Fund.POOLING.account("contributions"),
                            m.poolingFen())
                    .build());
            jdbc.update("UPDATE contribution SET due_entry_id = ? WHERE id = ?", entry, id);
            suspend(en, pack, period.atDay(1), id, EMPLOYEE_MONTHLY + " " + period);
        }
        return get(id);
    }

    /** Credits a retiree's individual account for the month, from the pooling fund (a transfer). */
    public ContributionView creditRetiree(RetireeCreditRequest r) {
        return tx.execute(s -> {
            long enrolmentId = Fields.required("enrolment_id", r.enrolmentId());
            YearMonth period = month("period", r.period());
            LocalDate on = Fields.required("credited_on", r.creditedOn());
            Enrolment en = enrolment(enrolmentId);
            if (!"employee".equals(en.scheme()) || !"retired".equals(en.employment())
                    || !"combined".equals(en.paymentMode())) {
                throw ApiException.conflict("enrolment_id", "enrolment_id: enrolment " + enrolmentId + " is not a retired"
                        + " employee's with an individual account (combined payment)");
            }
            requireCovered(en, period.atDay(1), period.atEndOfMonth(), period.toString());
            refuseRepeat(en, RETIREE_CREDIT, period.toString());
            long credit = ContributionCalculator.retireeCredit(packs.pack(en.policyPack()), period);
            long id = insert(en, RETIREE_CREDIT, period.toString(), null, 0, 0, 0, credit, 0, 0, 0, 0, on);
            long entry = ledger.post(JournalEntry.builder(en.admdvs(), on, "contribution", String.valueOf(id),
                            "retiree's account credit " + period + ", enrolment " + en.id() + ": " + Money.format(credit)
                                    + " from the pooling fund")
                    .move(Fund.POOLING.account("transfers_out"), Fund.POOLING.account("bank"), credit)
                    .creditIndividualAccount(en.personId(), Fund.INDIVIDUAL_ACCOUNTS.account("bank"), credit)
                    .build());
            jdbc.update("UPDATE contribution SET entry_id = ? WHERE id = ?", entry, id);
            return get(id);
        });
    }

    // ---------------------------------------------------------------- residents

    public ContributionView payResident(ResidentYearRequest r) {
        return tx.execute(s -> resident(r, true));
    }

    public ContributionView residentDue(ResidentYearRequest r) {
        return tx.execute(s -> resident(r, false));
    }

    private ContributionView resident(ResidentYearRequest r, boolean pay) {
        long enrolmentId = Fields.required("enrolment_id", r.enrolmentId());
        int year = Fields.required("year", r.year());
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        LocalDate paidOn = paidOn(r.paidOn(), pay);
        Enrolment en = enrolment(enrolmentId);
        if (!"resident".equals(en.scheme())) {
            throw ApiException.conflict("enrolment_id", "enrolment_id: enrolment " + enrolmentId + " is in the " + en.scheme()
                    + " scheme; employees pay by the month: POST /api/contributions/employee");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        requireCovered(en, from, LocalDate.of(year, 12, 31), String.valueOf(year));
        refuseRepeat(en, RESIDENT_ANNUAL, String.valueOf(year));
        PolicyPack pack = packs.pack(en.policyPack());
        Contribution level = en.contributionLevel() == 2 ? Contribution.CONTRIBUTION_2 : Contribution.CONTRIBUTION_1;
        ResidentYear y = ContributionCalculator.resident(pack, year, level);
        long id = insert(en, RESIDENT_ANNUAL, String.valueOf(year), null, 0, y.individualFen(), y.subsidyFen(), 0,
                y.poolingFen(), y.seriousIllnessFen(), y.dueFen(), pay ? y.dueFen() : 0, paidOn);
        String what = "resident contribution " + year + " (" + level.key + "), enrolment " + en.id() + ": individual "
                + Money.format(y.individualFen()) + " + fiscal subsidy " + Money.format(y.subsidyFen()) + "; serious illness "
                + Money.format(y.seriousIllnessFen()) + ", pooling " + Money.format(y.poolingFen());
        // Luo 2020, §2.9.4: 85% basic (pooling), 15% serious illness, from both the individual and the subsidy. The
        // entry is the resident's part only: the subsidy is finance's money, requested and received month by month
        // (ResidentSubsidy, FiscalTransfers), never taken from the resident's payment
        String pooling = pay ? Fund.POOLING.account("bank") : Fund.POOLING.account("contributions_receivable");
        String serious = pay ? Fund.SERIOUS_ILLNESS.account("bank") : Fund.SERIOUS_ILLNESS.account("contributions_receivable");
        long entry = ledger.post(JournalEntry.builder(en.admdvs(), pay ? paidOn : from, "contribution", String.valueOf(id),
                        (pay ? "" : "due, unpaid: ") + what)
                .move(pooling, Fund.POOLING.account("contributions"), y.individualPoolingFen())
                .move(serious, Fund.SERIOUS_ILLNESS.account("contributions"), y.individualSeriousIllnessFen())
                .build());
        jdbc.update("UPDATE contribution SET " + (pay ? "entry_id" : "due_entry_id") + " = ? WHERE id = ?", entry, id);
        if (!pay) suspend(en, pack, from, id, RESIDENT_ANNUAL + " " + year);
        return get(id);
    }

    // ---------------------------------------------------------------- arrears

    /**
     * Pays a contribution recorded as due, in full; when the enrolment then owes nothing, its open
     * suspension ends on the payment date (benefits restored).
     */
    public ContributionView payArrears(long contributionId, PaymentRequest r) {
        LocalDate paidOn = Fields.required("paid_on", r == null ? null : r.paidOn());
        return tx.execute(s -> {
            ContributionView c = get(contributionId);
            Enrolment en = enrolment(c.enrolmentId()); // locks the enrolment: its payments are one at a time
            c = get(contributionId);
            if (!"due".equals(c.status())) {
                throw ApiException.conflict("id", "id: contribution " + contributionId + " is not in arrears (" + c.status()
                        + (c.paidOn() == null ? "" : " on " + c.paidOn()) + ")");
            }
            // what the due entry made receivable (a resident's own part: the subsidy comes from finance)
            long pooling = receivable(c.dueEntryId(), Fund.POOLING), serious = receivable(c.dueEntryId(), Fund.SERIOUS_ILLNESS);
            long account = Money.fen(c.account());
            long entry = ledger.post(JournalEntry.builder(en.admdvs(), paidOn, "contribution", String.valueOf(contributionId),
                            "arrears paid: " + c.kind() + " " + c.period() + ", enrolment " + en.id() + ", "
                                    + (RESIDENT_ANNUAL.equals(c.kind()) ? c.employee() : c.due()).toPlainString())
                    .move(Fund.POOLING.account("bank"), Fund.POOLING.account("contributions_receivable"), pooling)
                    .move(Fund.SERIOUS_ILLNESS.account("bank"), Fund.SERIOUS_ILLNESS.account("contributions_receivable"), serious)
                    .creditIndividualAccount(en.personId(), Fund.INDIVIDUAL_ACCOUNTS.account("bank"), account)
                    .build());
            jdbc.update("UPDATE contribution SET paid_fen = due_fen, paid_on = ?, entry_id = ? WHERE id = ?", paidOn, entry,
                    contributionId);
            Integer owed = jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE enrolment_id = ? AND paid_fen < due_fen",
                    Integer.class, en.id());
            ContributionView paid = get(contributionId);
            if (owed == 0) {
                // paid in full: the re-insured enjoy the treatment again from the payment date (seed 003 L1060)
                int n = jdbc.update("UPDATE suspension SET until_date = CASE WHEN from_date > ? THEN from_date ELSE ? END"
                        + " WHERE enrolment_id = ? AND until_date IS NULL", paidOn, paidOn, en.id());
                if (n > 0) return paid.restoredOn(paidOn);
            }
            return paid;
        });
    }

    /** The due entry's debit to the fund's contributions_receivable (0 without a due entry). */
    private long receivable(Long dueEntryId, Fund fund) {
        if (dueEntryId == null) return 0;
        return jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l JOIN ledger_account a"
                + " ON a.id = l.account_id WHERE l.entry_id = ? AND a.fund = ? AND a.code LIKE ?", Long.class, dueEntryId,
                fund.key, "%:contributions_receivable");
    }

    /** The person's contributions due and unpaid, oldest first, with their total. */
    public Arrears arrears(long personId) {
        List<ContributionView> due = jdbc.query(SELECT + " WHERE person_id = ? AND paid_fen < due_fen ORDER BY period, id",
                this::view, personId);
        long total = 0;
        // a resident owes the individual part: the fiscal subsidy in due_fen is finance's (ResidentSubsidy)
        for (ContributionView c : due) {
            total += RESIDENT_ANNUAL.equals(c.kind()) ? Money.fen(c.employee()) : Money.fen(c.due()) - Money.fen(c.paid());
        }
        return new Arrears(personId, Money.yuan(total), due);
    }

    public List<ContributionView> contributions(long personId) {
        return jdbc.query(SELECT + " WHERE person_id = ? ORDER BY period, id", this::view, personId);
    }

    public ContributionView get(long id) {
        List<ContributionView> c = jdbc.query(SELECT + " WHERE id = ?", this::view, id);
        if (c.isEmpty()) throw ApiException.notFound("id", "id: no contribution " + id);
        return c.get(0);
    }

    // ---------------------------------------------------------------- average wage

    /** Sets (or replaces) the region's average monthly wage of a year; contributions already recorded keep their base. */
    public AverageWage setAverageWage(String admdvs, int year, AverageWageRequest r) {
        long fen = Amounts.positiveFen("average_monthly_wage", r == null ? null : r.averageMonthlyWage());
        if (r.source() == null || r.source().isBlank()) {
            throw Fields.bad("source", "required (where the figure is published, e.g. the statistics bureau's bulletin)");
        }
        String source = Fields.text("source", r.source(), 300);
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        return tx.execute(s -> {
            Integer region = jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE admdvs = ?", Integer.class, admdvs);
            if (region == 0) throw ApiException.notFound("admdvs", "admdvs: no region " + admdvs);
            int n = jdbc.update("UPDATE region_average_wage SET average_monthly_wage_fen = ?, source = ? WHERE admdvs = ?"
                    + " AND wage_year = ?", fen, source, admdvs, year);
            if (n == 0) {
                jdbc.update("INSERT INTO region_average_wage (admdvs, wage_year, average_monthly_wage_fen, source)"
                        + " VALUES (?, ?, ?, ?)", admdvs, year, fen, source);
            }
            return new AverageWage(admdvs, year, Money.yuan(fen), source);
        });
    }

    public List<AverageWage> averageWages(String admdvs) {
        return jdbc.query("SELECT admdvs, wage_year, average_monthly_wage_fen, source FROM region_average_wage"
                + " WHERE admdvs = ? ORDER BY wage_year", (rs, i) -> new AverageWage(rs.getString(1).trim(), rs.getInt(2),
                Money.yuan(rs.getLong(3)), rs.getString(4)), admdvs);
    }

    private long averageWageFen(String admdvs, int year) {
        List<Long> w = jdbc.queryForList("SELECT average_monthly_wage_fen FROM region_average_wage WHERE admdvs = ?"
                + " AND wage_year = ?", Long.class, admdvs, year);
        if (w.isEmpty()) {
            throw ApiException.refused("average_wage",
                    "average_wage: region " + admdvs + " has no average monthly wage for " + year + " (the payment base of "
                            + (year + 1) + " refers to it): PUT /api/contributions/average-wages/" + admdvs + "/" + year);
        }
        return w.get(0);
    }

    // ---------------------------------------------------------------- pieces

    private Enrolment enrolment(long id) {
        // lock: one contribution operation per enrolment at a time (repeat checks, arrears and restoration)
        if (jdbc.queryForList("SELECT id FROM enrolment WHERE id = ? FOR UPDATE", Long.class, id).isEmpty()) {
            throw ApiException.notFound("enrolment_id", "enrolment_id: no enrolment " + id);
        }
        List<Enrolment> e = jdbc.query("SELECT e.id, e.person_id, e.scheme, e.admdvs, e.payment_mode, e.employment,"
                + " e.contribution_level, e.valid_from, e.valid_until, r.policy_pack FROM enrolment e"
                + " JOIN region r ON r.admdvs = e.admdvs WHERE e.id = ?", (rs, i) -> new Enrolment(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4).trim(), rs.getString(5), rs.getString(6), rs.getInt(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10)), id);
        if (e.isEmpty()) throw ApiException.notFound("enrolment_id", "enrolment_id: no enrolment " + id);
        return e.get(0);
    }

    private static void requireCovered(Enrolment en, LocalDate from, LocalDate to, String period) {
        if (!en.covers(from, to)) {
            throw ApiException.conflict("period", "period: " + period + " is outside enrolment " + en.id() + " ("
                    + en.validity() + ")");
        }
    }

    private void refuseRepeat(Enrolment en, String kind, String period) {
        List<ContributionView> c = jdbc.query(SELECT + " WHERE enrolment_id = ? AND kind = ? AND period = ?", this::view,
                en.id(), kind, period);
        if (c.isEmpty()) return;
        ContributionView x = c.get(0);
        if ("due".equals(x.status())) {
            throw ApiException.conflict("period", "period: " + period + " of enrolment " + en.id() + " is in arrears as"
                    + " contribution " + x.id() + ": pay it with POST /api/contributions/" + x.id() + "/payment");
        }
        throw ApiException.conflict("period", "period: " + period + " of enrolment " + en.id() + " is already " + x.status()
                + " (contribution " + x.id() + (x.paidOn() == null ? "" : ", on " + x.paidOn()) + ")");
    }

    /** Opens a suspension for arrears where the pack says arrears suspend benefits (and none is open). */
    private void suspend(Enrolment en, PolicyPack pack, LocalDate from, long contributionId, String what) {
        if (!ContributionCalculator.arrearsSuspend(pack, en.scheme(), from)) return;
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM suspension WHERE enrolment_id = ? AND until_date IS NULL",
                Integer.class, en.id());
        if (open > 0) return;
        jdbc.update("INSERT INTO suspension (enrolment_id, from_date, reason) VALUES (?, ?, ?)", en.id(), from,
                "arrears: contribution " + contributionId + " (" + what + ") unpaid");
    }

    private long insert(Enrolment en, String kind, String period, Long base, long employer, long employee, long subsidy,
                        long account, long pooling, long serious, long due, long paid, LocalDate paidOn) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO contribution (enrolment_id, person_id, kind, period,"
                    + " base_fen, employer_fen, employee_fen, subsidy_fen, account_fen, pooling_fen, serious_illness_fen,"
                    + " due_fen, paid_fen, paid_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, en.id());
            ps.setLong(2, en.personId());
            ps.setString(3, kind);
            ps.setString(4, period);
            ps.setObject(5, base);
            ps.setLong(6, employer);
            ps.setLong(7, employee);
            ps.setLong(8, subsidy);
            ps.setLong(9, account);
            ps.setLong(10, pooling);
            ps.setLong(11, serious);
            ps.setLong(12, due);
            ps.setLong(13, paid);
            ps.setObject(14, paidOn);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private static final String SELECT = "SELECT id, enrolment_id, person_id, kind, period, base_fen, employer_fen, employee_fen,"
            + " subsidy_fen, account_fen, pooling_fen, serious_illness_fen, due_fen, paid_fen, paid_on, entry_id, due_entry_id"
            + " FROM contribution";

    private ContributionView view(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString(4);
        long due = rs.getLong(13), paid = rs.getLong(14);
        long base = rs.getLong(6);
        Long baseFen = rs.wasNull() ? null : base;
        LocalDate paidOn = rs.getObject(15, LocalDate.class);
        long entry = rs.getLong(16);
        Long entryId = rs.wasNull() ? null : entry;
        long dueEntry = rs.getLong(17);
        Long dueEntryId = rs.wasNull() ? null : dueEntry;
        String status = RETIREE_CREDIT.equals(kind) ? "credited" : paid < due ? "due" : "paid";
        return new ContributionView(rs.getLong(1), rs.getLong(2), rs.getLong(3), kind, rs.getString(5), status,
                baseFen == null ? null : Money.yuan(baseFen), Money.yuan(rs.getLong(7)), Money.yuan(rs.getLong(8)),
                Money.yuan(rs.getLong(9)), Money.yuan(rs.getLong(10)), Money.yuan(rs.getLong(11)), Money.yuan(rs.getLong(12)),
                Money.yuan(due), Money.yuan(paid), paidOn == null ? null : paidOn.toString(), entryId, dueEntryId, null);
    }

    private static LocalDate paidOn(LocalDate paidOn, boolean pay) {
        if (pay) return Fields.required("paid_on", paidOn);
        if (paidOn != null) {
            throw ApiException.badRequest("paid_on", "paid_on: not allowed when recording a contribution as due (unpaid)");
        }
        return null;
    }

    private static YearMonth month(String field, String value) {
        if (value == null) throw ApiException.badRequest(field, field + ": required (YYYY-MM)");
        try {
            if (!value.matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("", value, 0);
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + ": must be a month YYYY-MM, got '" + value + "'");
        }
    }
}
