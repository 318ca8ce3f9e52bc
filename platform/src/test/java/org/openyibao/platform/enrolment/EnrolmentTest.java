package org.openyibao.platform.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.registry.Api;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.RegistryFixture;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/** Enrolment history, duplicate enrolment, categories, suspension and coverage, on both databases. */
class EnrolmentTest {
    static final LocalDate D2012 = LocalDate.of(2012, 1, 1);

    static Enrolment.New resident(String psnNo, String admdvs, LocalDate from, LocalDate until) {
        return new Enrolment.New(psnNo, "resident", admdvs, null, null, null, null, from, until, null);
    }

    static Enrolment.New employee(String psnNo, String admdvs, String employer, LocalDate from, LocalDate until) {
        return new Enrolment.New(psnNo, "employee", admdvs, "combined", employer, null, null, from, until, null);
    }

    static void refused(Runnable r, int status, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(ApiErrors.status(e.kind()).value()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void duplicateEnrolmentIsRefusedNamingTheExistingOneAndReEnrolmentAfterAGapIsNot(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Person p = f.person("Li Lei", LocalDate.of(1985, 7, 1));
            Enrolment first = f.enrolments.enrol(resident(p.psnNo(), "440800", LocalDate.of(2018, 1, 1), null));
            assertThat(first.contributionsSince()).isEqualTo(LocalDate.of(2018, 1, 1));
            assertThat(first.employment()).isEqualTo("in_service");
            String named = "enrolment " + first.id() + " (resident, 440800, 2018-01-01 – open)";
            // another scheme at the same time
            refused(() -> f.enrolments.enrol(employee(p.psnNo(), "440800", "E440800001", LocalDate.of(2018, 6, 1), null)), 409,
                    "valid_from", named);
            // another region at the same time
            refused(() -> f.enrolments.enrol(resident(p.psnNo(), "110100", LocalDate.of(2019, 1, 1), null)), 409, "valid_from", named);
            // an earlier period running into it
            refused(() -> f.enrolments.enrol(resident(p.psnNo(), "110100", LocalDate.of(2017, 1, 1), LocalDate.of(2018, 1, 1))), 409,
                    "valid_from", named);
            // before it, without touching it: fine
            Enrolment earlier = f.enrolments.enrol(resident(p.psnNo(), "110100", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)));
            // end it, then the move to Beijing after a gap
            f.enrolments.end(first.id(), LocalDate.of(2018, 12, 31));
            refused(() -> f.enrolments.end(earlier.id(), LocalDate.of(2018, 6, 30)), 409, "valid_from", "enrolment " + first.id());
            Enrolment moved = f.enrolments.enrol(employee(p.psnNo(), "110100", "E110100001", LocalDate.of(2019, 3, 1), null));
            assertThat(f.enrolments.history(p.psnNo())).extracting(Enrolment::id).containsExactly(earlier.id(), first.id(), moved.id());
            assertThat(f.enrolments.enrolment(first.id()).orElseThrow().validUntil()).isEqualTo(LocalDate.of(2018, 12, 31));
            assertThat(f.enrolments.duplicates(100)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eachSchemeChecksItsOwnFields(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            String psn = f.person("Han Mei", LocalDate.of(1970, 1, 2)).psnNo();
            LocalDate d = LocalDate.of(2018, 1, 1);
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "farmer", "440800", null, null, null, null, d, null, null)), 400,
                    "scheme", "resident|employee");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "employee", "440800", null, "E440800001", null, null, d, null, null)),
                    400, "payment_mode", "combined|single_pooling");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "employee", "440800", "combined", null, null, null, d, null, null)),
                    400, "employer_code", "required for an employee in service");
            refused(() -> f.enrolments.enrol(employee(psn, "440800", "E110100001", d, null)), 400, "employer_code", "is in region 110100");
            refused(() -> f.enrolments.enrol(employee(psn, "440800", "E404", d, null)), 400, "employer_code", "no employer E404");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "employee", "440800", "combined", "E440800001", "resting", null, d,
                    null, null)), 400, "employment", "in_service|retired");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "resident", "440800", "combined", null, null, null, d, null, null)),
                    400, "payment_mode", "only for the employee scheme");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "resident", "440800", null, null, null, 2, d, null, null)), 400,
                    "contribution_level", "one contribution level on 2018-01-01");
            refused(() -> f.enrolments.enrol(new Enrolment.New(psn, "resident", "440800", null, null, null, 3, d, null, null)), 400,
                    "contribution_level", "1 or 2");
            refused(() -> f.enrolments.enrol(resident(psn, "440800", null, null)), 400, "valid_from", "required");
            refused(() -> f.enrolments.enrol(resident(psn, "440800", d, d.minusDays(1))), 400, "valid_until", "must not be before valid_from");
            refused(() -> f.enrolments.enrol(resident("NOBODY", "440800", d, null)), 400, "psn_no", "no person NOBODY");
            refused(() -> f.enrolments.enrol(resident(psn, "440899", d, null)), 400, "admdvs", "no region 440899");
            // 2012: the year has two levels (30 or 60 yuan, seed 003 L1129)
            Enrolment e = f.enrolments.enrol(new Enrolment.New(psn, "resident", "440800", null, null, null, 2, D2012, null, null));
            assertThat(e.contributionLevel()).isEqualTo(2);
            // a retiree needs no employer
            String retiree = f.person("Old Zhou", LocalDate.of(1950, 1, 2)).psnNo();
            Enrolment r = f.enrolments.enrol(new Enrolment.New(retiree, "employee", "440800", "single_pooling", null, "retired", null, d,
                    null, LocalDate.of(1990, 1, 1)));
            assertThat(r.contributionsSince()).isEqualTo(LocalDate.of(1990, 1, 1));
            assertThat(r.paymentMode()).isEqualTo("single_pooling");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void twoConcurrentDuplicateRequestsCannotBothPass(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    String psn = f.person("Racer " + round, LocalDate.of(1990, 1, 1 + round)).psnNo();
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<String>> results = new ArrayList<>();
                    for (String admdvs : List.of("440800", "110100")) {
                        results.add(pool.submit(() -> {
                            go.await();
                            try {
                                f.enrolments.enrol(resident(psn, admdvs, LocalDate.of(2018, 1, 1), null));
                                return "enrolled";
                            } catch (ApiException e) {
                                return ApiErrors.status(e.kind()).value() + " " + e.getMessage();
                            }
                        }));
                    }
                    go.countDown();
                    List<String> outcomes = new ArrayList<>();
                    for (Future<String> r : results) outcomes.add(r.get());
                    assertThat(outcomes).as("round " + round).filteredOn("enrolled"::equals).hasSize(1);
                    assertThat(outcomes).filteredOn(o -> o.startsWith("409 duplicate enrolment")).hasSize(1);
                    assertThat(f.enrolments.history(psn)).hasSize(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void coverageOnADaySeesTheEnrolmentCategoryAndSuspensionInForce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Person p = f.person("Zhao Min", LocalDate.of(1980, 2, 29));
            Enrolment res = f.enrolments.enrol(new Enrolment.New(p.psnNo(), "resident", "440800", null, null, null, 2, D2012,
                    LocalDate.of(2015, 12, 31), null));
            Enrolment emp = f.enrolments.enrol(employee(p.psnNo(), "440800", "E440800001", LocalDate.of(2016, 3, 1), null));

            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2011, 12, 31))).isEmpty();
            Coverage c = f.enrolments.coverageOn(p.id(), LocalDate.of(2012, 6, 1)).orElseThrow();
            assertThat(c.enrolmentId()).isEqualTo(res.id());
            assertThat(c.scheme()).isEqualTo(Scheme.RESIDENT);
            assertThat(c.admdvs()).isEqualTo("440800");
            assertThat(c.policyPack()).isEqualTo("zhanjiang");
            assertThat(c.contributionLevel()).isEqualTo(Contribution.CONTRIBUTION_2);
            assertThat(c.paymentMode()).isNull();
            assertThat(c.category()).isEqualTo(Category.GENERAL);
            assertThat(c.suspendedForArrears()).isFalse();
            assertThat(c.birthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2015, 12, 31))).isPresent();
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2016, 1, 15))).as("the gap").isEmpty();
            Coverage e = f.enrolments.coverageOn(p.id(), LocalDate.of(2016, 5, 1)).orElseThrow();
            assertThat(e.scheme()).isEqualTo(Scheme.EMPLOYEE);
            assertThat(e.paymentMode()).isEqualTo(PaymentMode.COMBINED);
            assertThat(e.employment()).isEqualTo(Employment.IN_SERVICE);
            assertThat(e.employerCode()).isEqualTo("E440800001");
            assertThat(e.contributionsSince()).isEqualTo(LocalDate.of(2016, 3, 1));
            assertThat(e.enginePerson().enrolledSince()).isEqualTo(LocalDate.of(2016, 3, 1));
            assertThat(e.enginePerson().insured()).isTrue();

            // poverty categories with their own dates; the most protective counts when two are in force
            PersonCategory dire = f.enrolments.addCategory(p.psnNo(), "dire_poverty", LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31));
            f.enrolments.addCategory(p.psnNo(), "subsistence_allowance", LocalDate.of(2013, 6, 1), null);
            refused(() -> f.enrolments.addCategory(p.psnNo(), "dire_poverty", LocalDate.of(2013, 12, 1), null), 409, "valid_from",
                    "dire_poverty record " + dire.id());
            refused(() -> f.enrolments.addCategory(p.psnNo(), "rich", LocalDate.of(2013, 12, 1), null), 400, "category",
                    "dire_poverty|documented_poor|subsistence_allowance");
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2012, 12, 31)).orElseThrow().category()).isEqualTo(Category.GENERAL);
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2013, 3, 1)).orElseThrow().category()).isEqualTo(Category.DIRE_POVERTY);
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2013, 7, 1)).orElseThrow().category()).isEqualTo(Category.DIRE_POVERTY);
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2014, 1, 1)).orElseThrow().category())
                    .isEqualTo(Category.SUBSISTENCE_ALLOWANCE);
            f.enrolments.endCategory(p.psnNo(), dire.id(), LocalDate.of(2013, 6, 30));
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2013, 7, 1)).orElseThrow().category())
                    .isEqualTo(Category.SUBSISTENCE_ALLOWANCE);
            assertThat(f.enrolments.categories(p.psnNo())).hasSize(2);

            // suspension for arrears from 2017-01-01 until paid on 2017-04-10
            refused(() -> f.enrolments.suspend(emp.id(), LocalDate.of(2016, 1, 1), "arrears"), 400, "from_date", "outside enrolment " + emp.id());
            refused(() -> f.enrolments.restore(emp.id(), LocalDate.of(2017, 4, 10)), 409, "enrolment_id", "is not suspended");
            Enrolment.Suspension s = f.enrolments.suspend(emp.id(), LocalDate.of(2017, 1, 1), "2016-12 unpaid");
            assertThat(s.untilDate()).isNull();
            refused(() -> f.enrolments.suspend(emp.id(), LocalDate.of(2017, 2, 1), null), 409, "from_date", "already suspended " + s.id());
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2016, 12, 31)).orElseThrow().suspendedForArrears()).isFalse();
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2017, 1, 1)).orElseThrow().suspendedForArrears()).isTrue();
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2017, 1, 1)).orElseThrow().enginePerson().arrears()).isTrue();
            refused(() -> f.enrolments.restore(emp.id(), LocalDate.of(2016, 12, 1)), 400, "paid_on", "before the suspension began");
            Enrolment.Suspension restored = f.enrolments.restore(emp.id(), LocalDate.of(2017, 4, 10));
            assertThat(restored.untilDate()).isEqualTo(LocalDate.of(2017, 4, 10));
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2017, 4, 9)).orElseThrow().suspendedForArrears()).isTrue();
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2017, 4, 10)).orElseThrow().suspendedForArrears()).isFalse();
            refused(() -> f.enrolments.suspend(emp.id(), LocalDate.of(2017, 3, 1), null), 409, "from_date", "overlaps suspension " + s.id());
            f.enrolments.suspend(emp.id(), LocalDate.of(2018, 1, 1), null);
            assertThat(f.enrolments.enrolment(emp.id()).orElseThrow().suspensions()).hasSize(2);
            assertThat(f.enrolments.coverageOn(p.id(), LocalDate.of(2018, 5, 1)).orElseThrow().suspendedForArrears()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theReportListsOverlapsLoadedBehindTheChecksBack(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Person p = f.person("Sun Qi", LocalDate.of(1991, 3, 4));
            Enrolment e = f.enrolments.enrol(resident(p.psnNo(), "440800", LocalDate.of(2018, 1, 1), null));
            // as old data loaded straight into the table would be
            db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, employer_code, payment_mode, valid_from, valid_until,"
                    + " contributions_since) VALUES (?, 'employee', '110100', 'E110100001', 'combined', ?, ?, ?)", p.id(),
                    LocalDate.of(2018, 6, 1), LocalDate.of(2018, 9, 30), LocalDate.of(2018, 6, 1));
            List<DuplicateEnrolment> d = f.enrolments.duplicates(10);
            assertThat(d).singleElement().satisfies(x -> {
                assertThat(x.psnNo()).isEqualTo(p.psnNo());
                assertThat(x.first().id()).isEqualTo(e.id());
                assertThat(x.second().admdvs()).isEqualTo("110100");
                assertThat(x.overlapFrom()).isEqualTo(LocalDate.of(2018, 6, 1));
                assertThat(x.overlapUntil()).isEqualTo(LocalDate.of(2018, 9, 30));
            });
            Api.Reply r = new Api(f).get("/api/reports/duplicate-enrolments", "AUDITOR");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"overlap_from\":\"2018-06-01\"").contains("\"psn_no\":\"" + p.psnNo() + "\"");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theRestApiRefusesADuplicateWith409NamingTheEnrolment(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Api api = new Api(f);
            String psn = f.person("Qian Yu", LocalDate.of(1988, 8, 8)).psnNo();
            Api.Reply r = api.post("/api/enrolments", "{\"psn_no\":\"" + psn + "\",\"scheme\":\"employee\",\"admdvs\":\"440800\","
                    + "\"payment_mode\":\"combined\",\"employer_code\":\"E440800001\",\"valid_from\":\"2018-01-01\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.body().replaceAll(".*\"id\":(\\d+).*", "$1");
            r = api.post("/api/enrolments", "{\"psn_no\":\"" + psn + "\",\"scheme\":\"resident\",\"admdvs\":\"110100\","
                    + "\"valid_from\":\"2018-05-01\"}");
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains("\"field\":\"valid_from\"").contains("enrolment " + id + " (employee, 440800, 2018-01-01 – open)");
            r = api.post("/api/enrolments", "{\"psn_no\":\"" + psn + "\",\"scheme\":\"employee\",\"admdvs\":\"440800\","
                    + "\"valid_from\":\"2018-05-01\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"payment_mode\"");

            assertThat(api.post("/api/enrolments/" + id + "/suspensions", "{\"from_date\":\"2018-03-01\",\"reason\":\"arrears\"}").status())
                    .isEqualTo(201);
            r = api.get("/api/persons/" + psn + "/coverage?date=2018-03-02", "AUDITOR");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"scheme\":\"employee\"").contains("\"payment_mode\":\"combined\"")
                    .contains("\"category\":\"general\"").contains("\"suspended_for_arrears\":true");
            assertThat(api.post("/api/enrolments/" + id + "/restore", "{\"paid_on\":\"2018-03-20\"}").status()).isEqualTo(200);
            assertThat(api.get("/api/persons/" + psn + "/coverage?date=2018-03-20").body()).contains("\"suspended_for_arrears\":false");
            assertThat(api.get("/api/persons/" + psn + "/coverage?date=2017-03-20").status()).isEqualTo(404);
            assertThat(api.post("/api/persons/" + psn + "/categories", "{\"category\":\"documented_poor\",\"valid_from\":\"2018-01-01\"}")
                    .status()).isEqualTo(201);
            assertThat(api.get("/api/persons/" + psn + "/coverage?date=2018-03-20").body()).contains("\"category\":\"documented_poor\"");
            assertThat(api.post("/api/enrolments/" + id + "/end", "{\"valid_until\":\"2018-12-31\"}").body())
                    .contains("\"valid_until\":\"2018-12-31\"");
            assertThat(api.get("/api/persons/" + psn + "/enrolments").body()).contains("\"suspensions\":[{");
        }
    }
}
