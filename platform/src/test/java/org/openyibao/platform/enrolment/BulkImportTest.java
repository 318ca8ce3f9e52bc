package org.openyibao.platform.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.engine.policy.Category;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.RegistryFixture;
import org.openyibao.platform.support.TestDatabase;

/** Bulk import: good lines kept, bad ones reported by line and reason, a rerun changes nothing; on both databases. */
class BulkImportTest {
    static final String HEADER = String.join(",", BulkImport.COLUMNS);

    /** A CSV file being written, knowing each line's number (the header is line 1). */
    static final class File {
        final StringBuilder text = new StringBuilder(HEADER + "\n");
        final List<String> certs = new ArrayList<>();
        int lines = 1;

        int add(String psnNo, String cert, String name, String household, String admdvs, String scheme, String paymentMode,
                String employer, String employment, String level, String from, String until, String since, String category) {
            certs.add(cert);
            String[] f = {psnNo, cert, name, "", "", household, admdvs, scheme, paymentMode, employer, employment, level, from, until,
                    since, category, "", ""};
            return raw(String.join(",", List.of(f).stream().map(v -> v == null ? "" : v).toList()));
        }

        int raw(String line) {
            text.append(line).append('\n');
            return ++lines;
        }
    }

    static List<String> lineNumbers(String errors) {
        return errors.lines().map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    static String run(BulkImport imp, String csv, BulkImport.Result[] result) throws Exception {
        StringWriter errors = new StringWriter();
        result[0] = imp.run(new StringReader(csv), "persons.csv", errors);
        return errors.toString();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void badLinesAreReportedGoodOnesKeptAndARerunChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture fx = new RegistryFixture(db).withRegions();
            Person registered = fx.person("Already Here", LocalDate.of(1977, 7, 7));
            Enrolment existing = fx.enrolments.enrol(EnrolmentTest.resident(registered.psnNo(), "440800", LocalDate.of(2018, 1, 1), null));

            File f = new File();
            Map<Integer, String> bad = new LinkedHashMap<>();
            int good = 0;
            LocalDate birth = LocalDate.of(1950, 1, 1);
            for (int i = 0; i < 1500; i++) {
                String cert = RegistryFixture.id("440802", birth.plusDays(i * 7L), i % 2 == 0);
                if (i % 3 == 0) {
                    f.add("", cert, "Person " + i, "HH" + (i / 4), "440800", "resident", "", "", "", "", "2018-01-01", "", "",
                            i % 30 == 0 ? "documented_poor" : "");
                } else if (i % 3 == 1) {
                    f.add("PSN" + i, cert, "Person " + i, "", "440800", "employee", "combined", "E440800001", "", "", "2016-07-01", "",
                            "2016-01-01", "");
                } else {
                    // a history: resident until 2015 (level 2 in 2012: two levels that year), then an employee in Beijing
                    f.add("", cert, "Person " + i, "", "440800", "resident", "", "", "", "2", "2012-01-01", "2015-12-31", "", "");
                    f.add("", cert, "Person " + i, "", "110100", "employee", "single_pooling", "E110100001", "", "", "2016-01-01", "", "", "");
                    good++;
                }
                good++;
            }
            String c1 = RegistryFixture.id("440802", LocalDate.of(1999, 9, 9), true);
            String badCheck = c1.substring(0, 17) + (c1.charAt(17) == '1' ? '2' : '1');
            bad.put(f.add("", badCheck, "Bad Check", "", "440800", "resident", "", "", "", "", "2018-01-01", "", "", ""), "cert_no: the check digit");
            bad.put(f.add("", RegistryFixture.id(LocalDate.of(1999, 9, 10)), "No Region", "", "440899", "resident", "", "", "", "",
                    "2018-01-01", "", "", ""), "admdvs: no region 440899");
            bad.put(f.add("", RegistryFixture.id(LocalDate.of(1999, 9, 11)), "Bad Date", "", "440800", "resident", "", "", "", "",
                    "2018-02-30", "", "", ""), "valid_from: not a date (YYYY-MM-DD)");
            bad.put(f.add("", registered.certNo(), "Already Here", "", "440800", "employee", "combined", "E440800001", "", "",
                    "2018-06-01", "", "", ""), "duplicate enrolment: the person already has enrolment " + existing.id()
                    + " (resident, 440800, 2018-01-01 – open) in that period");
            String twice = RegistryFixture.id(LocalDate.of(1999, 9, 12));
            int first = f.add("", twice, "Two Places", "", "440800", "resident", "", "", "", "", "2018-01-01", "", "", "");
            good++;
            bad.put(f.add("", twice, "Two Places", "", "110100", "resident", "", "", "", "", "2019-01-01", "", "", ""),
                    "duplicate enrolment: overlaps the enrolment on line " + first + " (same person)");
            bad.put(f.add("", twice, "Other Name", "", "110100", "resident", "", "", "", "", "2010-01-01", "2010-12-31", "", ""),
                    "cert_no: the same ID number has another name or psn_no on line " + first);
            bad.put(f.add("", RegistryFixture.id(LocalDate.of(1999, 9, 13)), "No Employer", "", "440800", "employee", "combined", "E404",
                    "", "", "2018-01-01", "", "", ""), "employer_code: no employer E404");
            bad.put(f.add("", RegistryFixture.id(LocalDate.of(1999, 9, 14)), "Wrong Level", "", "440800", "resident", "", "", "", "2",
                    "2018-01-01", "", "", ""), "contribution_level: the policy pack of region 440800 has one contribution level on 2018-01-01");
            String woman = RegistryFixture.id("440802", LocalDate.of(1999, 9, 15), false);
            f.certs.add(woman);
            bad.put(f.raw("," + woman + ",Wrong Gender,1,,,440800,resident,,,,,2018-01-01,,,,,"), "gender: does not agree with the ID number");
            bad.put(f.raw("," + RegistryFixture.id(LocalDate.of(1999, 9, 16)) + ",Short Line,440800"), "line: expected 18 fields");
            bad.put(f.add("", RegistryFixture.id(LocalDate.of(1999, 9, 17)), "Bad Category", "", "440800", "resident", "", "", "", "",
                    "2018-01-01", "", "", "wealthy"), "category: must be one of dire_poverty|documented_poor|subsistence_allowance");
            // quoted name with a comma, and a line repeated exactly (unchanged, not a duplicate)
            String quoted = RegistryFixture.id(LocalDate.of(1999, 9, 18));
            f.certs.add(quoted);
            f.raw("," + quoted + ",\"Ouyang, Xiu\",,,,440800,resident,,,,,2018-01-01,,,,,");
            f.raw("," + quoted + ",\"Ouyang, Xiu\",,,,440800,resident,,,,,2018-01-01,,,,,");
            good++;
            int read = f.lines - 1;

            BulkImport imp = new BulkImport(db.dataSource, fx.packs, 400);
            BulkImport.Result[] r = new BulkImport.Result[1];
            String errors = run(imp, f.text.toString(), r);
            assertThat(r[0].read()).isEqualTo(read);
            assertThat(r[0].rejected()).as(errors).isEqualTo(bad.size());
            assertThat(r[0].imported()).isEqualTo(good);
            assertThat(r[0].unchanged()).isEqualTo(1);
            List<String> lines = errors.lines().toList();
            assertThat(lines.get(0)).isEqualTo("line,reason");
            assertThat(lines).hasSize(bad.size() + 1);
            int k = 1;
            for (Map.Entry<Integer, String> b : bad.entrySet()) {
                String line = lines.get(k++);
                assertThat(line).startsWith(b.getKey() + ",");
                assertThat(line.replace("\"", "")).contains(b.getValue());
            }
            for (String cert : f.certs) assertThat(errors).doesNotContain(cert);
            assertThat(errors).doesNotContain(badCheck);

            int persons = db.jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class);
            int enrolments = db.jdbc.queryForObject("SELECT COUNT(*) FROM enrolment", Integer.class);
            assertThat(persons).isEqualTo(1 + 1500 + 2); // the one registered before, the 1500, Two Places and Ouyang
            assertThat(enrolments).isEqualTo(1 + 1500 + 500 + 2);
            assertThat(fx.persons.byPsnNo("PSN1")).get().extracting(Person::name).isEqualTo("Person 1");
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE name = 'Ouyang, Xiu'", Integer.class)).isEqualTo(1);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM household", Integer.class)).isEqualTo(375);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM person_category", Integer.class)).isEqualTo(50);
            assertThat(fx.enrolments.duplicates(10)).isEmpty();
            // what was imported is what settlement sees
            long someone = db.jdbc.queryForObject("SELECT p.id FROM person p WHERE p.name = 'Person 2'", Long.class);
            assertThat(fx.enrolments.coverageOn(someone, LocalDate.of(2013, 6, 1)).orElseThrow().contributionLevel().key).isEqualTo("contribution_2");
            assertThat(fx.enrolments.coverageOn(someone, LocalDate.of(2017, 6, 1)).orElseThrow().admdvs()).isEqualTo("110100");
            long poor = db.jdbc.queryForObject("SELECT p.id FROM person p WHERE p.name = 'Person 30'", Long.class);
            assertThat(fx.enrolments.coverageOn(poor, LocalDate.of(2018, 6, 1)).orElseThrow().category()).isEqualTo(Category.DOCUMENTED_POOR);
            long employee = db.jdbc.queryForObject("SELECT p.id FROM person p WHERE p.name = 'Person 1'", Long.class);
            assertThat(fx.enrolments.coverageOn(employee, LocalDate.of(2017, 6, 1)).orElseThrow().contributionsSince())
                    .isEqualTo(LocalDate.of(2016, 1, 1));
            assertThat(db.jdbc.queryForObject("SELECT source_ref FROM enrolment WHERE person_id = ?", String.class, employee))
                    .matches("persons\\.csv:\\d+");

            // the same file again: nothing changes
            String again = run(imp, f.text.toString(), r);
            assertThat(r[0].read()).isEqualTo(read);
            assertThat(r[0].imported()).isZero();
            assertThat(r[0].rejected()).isEqualTo(bad.size());
            assertThat(r[0].unchanged()).isEqualTo(good + 1);
            // the same lines refused; the reasons may now name what the first run registered instead of a line
            assertThat(lineNumbers(again)).isEqualTo(lineNumbers(errors));
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isEqualTo(persons);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM enrolment", Integer.class)).isEqualTo(enrolments);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM person_category", Integer.class)).isEqualTo(50);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM household", Integer.class)).isEqualTo(375);

            // and in one chunk, the same again
            assertThat(lineNumbers(run(new BulkImport(db.dataSource, fx.packs, 100_000), f.text.toString(), r))).isEqualTo(lineNumbers(errors));
            assertThat(r[0].imported()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aChangedLineIsRefusedNotAppliedAndPersonOnlyLinesRegisterThePerson(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture fx = new RegistryFixture(db).withRegions();
            String cert = RegistryFixture.id(LocalDate.of(1960, 6, 6));
            String csv = "cert_no,name,admdvs,scheme,valid_from,category,category_from\n"
                    + cert + ",Only Registered,440800,,,,\n";
            BulkImport imp = new BulkImport(db.dataSource, fx.packs, 10);
            BulkImport.Result[] r = new BulkImport.Result[1];
            assertThat(run(imp, csv, r)).isEqualTo("line,reason\n");
            assertThat(r[0].imported()).isEqualTo(1);
            assertThat(fx.persons.byCertNo(org.openyibao.platform.registry.ResidentId.parse(cert))).isPresent();
            // now enrol them from a file, then change the same enrolment's start: refused as overlapping, nothing changed
            run(imp, "cert_no,name,admdvs,scheme,valid_from,category,category_from\n" + cert + ",Only Registered,440800,resident,2018-01-01,"
                    + "dire_poverty,2018-03-01\n", r);
            assertThat(r[0].imported()).isEqualTo(1);
            String errors = run(imp, "cert_no,name,admdvs,scheme,valid_from,category,category_from\n" + cert
                    + ",Only Registered,440800,resident,2018-02-01,,\n" + cert + ",Renamed,440800,resident,2018-01-01,,\n"
                    + cert + ",Only Registered,440800,,,dire_poverty,2018-04-01\n", r);
            assertThat(errors.lines().toList()).hasSize(4);
            assertThat(errors.replace("\"", "")).contains("2,duplicate enrolment: the person already has enrolment")
                    .contains("3,name: differs from the name registered with this ID number")
                    .contains("4,category: the person already has dire_poverty record");
            assertThat(db.jdbc.queryForObject("SELECT valid_from FROM enrolment", LocalDate.class)).isEqualTo(LocalDate.of(2018, 1, 1));
            assertThat(db.jdbc.queryForObject("SELECT name FROM person", String.class)).isEqualTo("Only Registered");

            assertThatThrownBy(() -> run(imp, "cert_no,name,admdvs,colour\n", r)).hasMessageContaining("unknown column 'colour'");
            assertThatThrownBy(() -> run(imp, "cert_no,name\n", r)).hasMessageContaining("the column 'admdvs' is required");
            assertThatThrownBy(() -> run(imp, "", r)).hasMessageContaining("the file is empty");
            assertThat(run(imp, "\uFEFFcert_no,name,admdvs\r\n", r)).isEqualTo("line,reason\n");
            assertThat(r[0].read()).isZero();
        }
    }
}
