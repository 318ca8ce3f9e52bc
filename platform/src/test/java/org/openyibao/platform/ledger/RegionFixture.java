package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.contribution.ResidentSubsidy;
import org.openyibao.platform.contribution.ContributionService.AverageWageRequest;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;

/**
 * A region with its chart of accounts, average wages, persons and enrolments, inserted with plain SQL
 * (the registry service is not ours), and the services under test built by hand on the test database.
 */
public final class RegionFixture {
    /** Loaded once per JVM: the Zhanjiang pack is what every test here contributes under. */
    public static final PolicyPacks PACKS = new PolicyPacks(System.getProperty("yibao.policies", "../policies"));
    private static final AtomicLong PEOPLE = new AtomicLong(1);

    public final TestDatabase db;
    public final String admdvs;
    public final Ledger ledger;
    public final ContributionService contributions;
    public final LedgerCheck check;
    public final FundReport report;
    public final YearEndClose close;
    /** Fiscal transfers with the platform's rules; "today" is 2020-06-01, as for {@link #close}. */
    public final FiscalTransfers fiscal;
    /** The insurer's contract on the serious-illness fund under the region's pack; "today" is 2020-06-01. */
    public final InsurerPremium insurerPremium;

    private RegionFixture(TestDatabase db, String admdvs) {
        this.db = db;
        this.admdvs = admdvs;
        this.ledger = new Ledger(db.jdbc);
        this.contributions = new ContributionService(db.jdbc, db.tx, ledger, PACKS);
        this.check = new LedgerCheck(db.jdbc);
        this.report = new FundReport(db.jdbc);
        // "today" is in 2020: 2018 and 2019 can be closed
        Clock today = Clock.fixed(LocalDate.of(2020, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        this.close = new YearEndClose(db.jdbc, db.tx, ledger, today);
        this.fiscal = new FiscalTransfers(db.jdbc, db.tx, ledger, List.of(new BudgetFundedSpending(db.jdbc),
                new ResidentSubsidy(db.jdbc, PACKS)), today);
        this.insurerPremium = insurerPremium(PACKS);
    }

    /** The insurer's contract posted under {@code packs} (e.g. one that answers with a contract overlay applied). */
    public InsurerPremium insurerPremium(PolicyPacks packs) {
        Clock today = Clock.fixed(LocalDate.of(2020, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new InsurerPremium(db.jdbc, db.tx, ledger, packs, List.of(new PremiumFromContributions(), new ReserveWithheld(),
                new MonthlyInstalment(), new ClaimsPaidByInsurer()), today);
    }

    /**
     * A Zhanjiang-pack region with its chart; average monthly wage 5,000.00 in 2017 (the base of 2018's
     * contributions) and 6,000.00 in 2018 (the base of 2019's).
     */
    public static RegionFixture open(TestDatabase db, String admdvs) {
        db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES (?, ?, 'zhanjiang')", admdvs, "Region " + admdvs);
        RegionFixture f = new RegionFixture(db, admdvs);
        db.tx.executeWithoutResult(s -> f.ledger.openRegion(admdvs));
        f.contributions.setAverageWage(admdvs, 2017, new AverageWageRequest(new BigDecimal("5000.00"), "test: 2017 bulletin"));
        f.contributions.setAverageWage(admdvs, 2018, new AverageWageRequest(new BigDecimal("6000.00"), "test: 2018 bulletin"));
        return f;
    }

    /** A person with a valid (GB 11643) resident ID number; returns the person id. */
    public long person() {
        long n = PEOPLE.getAndIncrement();
        String body = "440802" + "1980" + "0101" + String.format("%03d", n % 1000);
        String cert = body + checkDigit(body);
        String psnNo = "T" + admdvs + "-" + n + "-" + System.nanoTime() % 100000;
        db.jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES (?, ?, ?, '1', DATE"
                + " '1980-01-01', ?)", psnNo, uniqueCert(cert), "Person " + n, admdvs);
        return db.jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, psnNo);
    }

    /** An employee enrolment (combined or single_pooling; in_service or retired) open from {@code from}. */
    public long employee(long personId, String paymentMode, String employment, LocalDate from) {
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, employment, valid_from,"
                + " contributions_since) VALUES (?, 'employee', ?, ?, ?, ?, ?)", personId, admdvs, paymentMode, employment, from, from);
        return lastEnrolment(personId);
    }

    /** A resident enrolment at contribution level 1 or 2, open from {@code from}. */
    public long resident(long personId, int level, LocalDate from) {
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, contribution_level, valid_from, contributions_since)"
                + " VALUES (?, 'resident', ?, ?, ?, ?)", personId, admdvs, level, from, from);
        return lastEnrolment(personId);
    }

    public long balance(String account) {
        return ledger.balance(Accounts.code(admdvs, account));
    }

    /** Posts inside a transaction, as every caller of the ledger does. */
    public long post(JournalEntry e) {
        return db.tx.execute(s -> ledger.post(e));
    }

    public JournalEntry.Builder entry(LocalDate date, String causeType, String causeRef) {
        return JournalEntry.builder(admdvs, date, causeType, causeRef, causeType + " " + causeRef);
    }

    private long lastEnrolment(long personId) {
        return db.jdbc.queryForObject("SELECT MAX(id) FROM enrolment WHERE person_id = ?", Long.class, personId);
    }

    private String uniqueCert(String cert) {
        // the 3-digit sequence wraps after 1000 people per JVM: vary the birth date's day then
        String c = cert;
        for (int day = 2; db.jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE cert_no = ?", Integer.class, c) > 0; day++) {
            String body = c.substring(0, 12) + String.format("%02d", day % 28 + 1) + c.substring(14, 17);
            c = body + checkDigit(body);
        }
        return c;
    }

    /** GB 11643 check digit of the first 17 characters. */
    static char checkDigit(String body17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (body17.charAt(i) - '0') * w[i];
        return "10X98765432".charAt(sum % 11);
    }
}
