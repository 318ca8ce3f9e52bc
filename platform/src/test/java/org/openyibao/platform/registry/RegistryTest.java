package org.openyibao.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/** Regions, institutions, employers, households and persons: the services and their REST API, on both databases. */
class RegistryTest {

    static void refused(Runnable r, int status, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(ApiErrors.status(e.kind()).value()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ": ").contains(message);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void regionsOpenTheirLedgerAndRefuseBadCodesUnknownPacksAndDuplicates(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db);
            Region r = f.registry.createRegion(new Region("440800", "Zhanjiang", "zhanjiang"));
            assertThat(r).isEqualTo(new Region("440800", "Zhanjiang", "zhanjiang"));
            assertThat(f.registry.region("440800")).contains(r);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account WHERE admdvs = '440800'", Integer.class)).isPositive();
            refused(() -> f.registry.createRegion(new Region("44080", "x", "zhanjiang")), 400, "admdvs", "6-digit");
            refused(() -> f.registry.createRegion(new Region("44080A", "x", "zhanjiang")), 400, "admdvs", "6-digit");
            refused(() -> f.registry.createRegion(new Region("440900", "", "zhanjiang")), 400, "name", "required");
            refused(() -> f.registry.createRegion(new Region("440900", "Maoming", "atlantis")), 400, "policy_pack", "no policy pack");
            refused(() -> f.registry.createRegion(new Region("440900", "Maoming", "../etc")), 400, "policy_pack", "letters");
            refused(() -> f.registry.createRegion(new Region("440800", "Zhanjiang again", "zhanjiang")), 409, "admdvs", "already exists");
            assertThat(f.registry.regions()).extracting(Region::admdvs).containsExactly("440800");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void institutionsEmployersAndHouseholds(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            Institution h = f.registry.createInstitution(new Institution("H4408001", "Zhanjiang Central Hospital", "level3", "hospital",
                    "440800", "Chikan", LocalDate.of(2009, 1, 1), LocalDate.of(2019, 12, 31)));
            f.registry.createInstitution(new Institution("V4408001", "Village station", "village", "clinic", "440800", null,
                    LocalDate.of(2018, 1, 1), null));
            assertThat(f.registry.institution("H4408001")).contains(h);
            assertThat(f.registry.institutions("440800", null)).hasSize(2);
            assertThat(f.registry.institutions("440800", LocalDate.of(2017, 6, 1))).extracting(Institution::code).containsExactly("H4408001");
            assertThat(f.registry.institutions("440800", LocalDate.of(2020, 6, 1))).extracting(Institution::code).containsExactly("V4408001");
            refused(() -> f.registry.createInstitution(new Institution("X1", "x", "level4", "hospital", "440800", null,
                    LocalDate.of(2018, 1, 1), null)), 400, "level", "village|township|level1|level2|level3");
            refused(() -> f.registry.createInstitution(new Institution("X1", "x", "level1", "spa", "440800", null,
                    LocalDate.of(2018, 1, 1), null)), 400, "type", "hospital|clinic|pharmacy");
            refused(() -> f.registry.createInstitution(new Institution("X1", "x", "level1", "clinic", "440800", null,
                    null, null)), 400, "designated_from", "required");
            refused(() -> f.registry.createInstitution(new Institution("X1", "x", "level1", "clinic", "440800", null,
                    LocalDate.of(2018, 1, 1), LocalDate.of(2017, 1, 1))), 400, "designated_until", "must not be before designated_from");
            refused(() -> f.registry.createInstitution(new Institution("X1", "x", "level1", "clinic", "999999", null,
                    LocalDate.of(2018, 1, 1), null)), 400, "admdvs", "no region 999999");
            refused(() -> f.registry.createInstitution(new Institution("H4408001", "x", "level1", "clinic", "440800", null,
                    LocalDate.of(2018, 1, 1), null)), 409, "code", "already exists");

            assertThat(f.registry.employer("E440800001")).get().extracting(Employer::admdvs).isEqualTo("440800");
            refused(() -> f.registry.createEmployer(new Employer("E 1", "x", "440800")), 400, "code", "letters, digits");
            refused(() -> f.registry.createEmployer(new Employer("E440800001", "x", "440800")), 409, "code", "already exists");

            Household hh = f.registry.createHousehold(new Household(null, "HH-0001", "440800", null));
            assertThat(hh.id()).isNotNull();
            refused(() -> f.registry.createHousehold(new Household(null, "HH-0001", "440800", null)), 409, "ref", "already exists");
            f.persons.register(new Person.New(null, RegistryFixture.id(LocalDate.of(1980, 3, 1)), "Li Hua", null, null, "HH-0001", "440800"));
            assertThat(f.registry.household("HH-0001").orElseThrow().members()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void personsAreCheckedAgainstTheirIdNumber(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db).withRegions();
            String cert = RegistryFixture.id("440802", LocalDate.of(1975, 8, 9), false);
            Person p = f.persons.register(new Person.New(null, cert, "Wang Fang", "2", LocalDate.of(1975, 8, 9), null, "440800"));
            assertThat(p.psnNo()).hasSize(14).startsWith("440800");
            assertThat(p.gender()).isEqualTo("2");
            assertThat(f.persons.byCertNo(ResidentId.parse(cert))).contains(p);
            assertThat(f.persons.byPsnNo(p.psnNo())).contains(p);
            assertThat(p.toString()).doesNotContain(cert).doesNotContain("Wang Fang");

            Person given = f.persons.register(new Person.New("P0001", RegistryFixture.id(LocalDate.of(2001, 2, 3)), "Chen Jie", null, null,
                    null, "440800"));
            assertThat(given.psnNo()).isEqualTo("P0001");
            assertThat(given.birthDate()).isEqualTo(LocalDate.of(2001, 2, 3));
            assertThat(given.gender()).isEqualTo("1");

            String bad = cert.substring(0, 17) + (cert.charAt(17) == '0' ? '1' : '0');
            refused(() -> f.persons.register(new Person.New(null, bad, "x", null, null, null, "440800")), 400, "cert_no", "check digit");
            assertThatThrownBy(() -> f.persons.register(new Person.New(null, bad, "x", null, null, null, "440800")))
                    .isInstanceOf(ApiException.class).message().doesNotContain(bad);
            String other = RegistryFixture.id("440802", LocalDate.of(1975, 8, 9), true);
            refused(() -> f.persons.register(new Person.New(null, other, "x", "2", null, null, "440800")), 400, "gender", "17th digit");
            refused(() -> f.persons.register(new Person.New(null, other, "x", null, LocalDate.of(1975, 8, 10), null, "440800")), 400,
                    "birth_date", "characters 7-14");
            refused(() -> f.persons.register(new Person.New(null, other, " ", null, null, null, "440800")), 400, "name", "required");
            refused(() -> f.persons.register(new Person.New("P-1", other, "x", null, null, null, "440800")), 400, "psn_no", "letters or digits");
            refused(() -> f.persons.register(new Person.New(null, other, "x", null, null, "HH-none", "440800")), 400, "household_ref", "no such household");
            refused(() -> f.persons.register(new Person.New(null, other, "x", null, null, null, "440899")), 400, "admdvs", "no region");
            refused(() -> f.persons.register(new Person.New(null, cert, "Wang Fang", null, null, null, "440800")), 409, "cert_no",
                    "already registered as psn_no " + p.psnNo());
            refused(() -> f.persons.register(new Person.New("P0001", other, "x", null, null, null, "440800")), 409, "psn_no", "already taken");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theRestApiAnswersWithSnakeCaseAndNamesTheFieldOfEveryMistake(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegistryFixture f = new RegistryFixture(db);
            Api api = new Api(f);
            Api.Reply r = api.post("/api/regions", "{\"admdvs\":\"440800\",\"name\":\"Zhanjiang\",\"policy_pack\":\"zhanjiang\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.body()).contains("\"policy_pack\":\"zhanjiang\"");
            r = api.post("/api/regions", "{\"admdvs\":\"4408\",\"name\":\"x\",\"policy_pack\":\"zhanjiang\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"admdvs\"");
            assertThat(api.get("/api/regions/440800").body()).contains("Zhanjiang");
            assertThat(api.get("/api/regions/440801").status()).isEqualTo(404);

            r = api.post("/api/institutions", "{\"code\":\"H1\",\"name\":\"Central\",\"level\":\"level3\",\"type\":\"hospital\","
                    + "\"admdvs\":\"440800\",\"designated_from\":\"2009-01-01\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(api.get("/api/institutions/H1").body()).contains("\"designated_from\":\"2009-01-01\"");
            assertThat(api.get("/api/institutions?admdvs=440800&on=2018-01-01").body()).contains("\"code\":\"H1\"");
            r = api.post("/api/institutions", "{\"code\":\"H2\",\"name\":\"x\",\"level\":\"level9\",\"type\":\"hospital\","
                    + "\"admdvs\":\"440800\",\"designated_from\":\"2009-01-01\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"level\"");
            r = api.post("/api/institutions", "{\"code\":\"H2\",\"name\":\"x\",\"level\":\"level1\",\"type\":\"hospital\","
                    + "\"admdvs\":\"440800\",\"designated_from\":\"2009-02-30\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"designated_from\"");

            assertThat(api.post("/api/employers", "{\"code\":\"E1\",\"name\":\"Port\",\"admdvs\":\"440800\"}").status()).isEqualTo(201);
            assertThat(api.get("/api/employers/E1").body()).contains("Port");
            assertThat(api.post("/api/households", "{\"ref\":\"HH1\",\"admdvs\":\"440800\"}").status()).isEqualTo(201);

            String cert = RegistryFixture.id("440802", LocalDate.of(1962, 4, 5), true);
            r = api.post("/api/persons", "{\"cert_no\":\"" + cert + "\",\"name\":\"Zhang Wei\",\"household_ref\":\"HH1\",\"admdvs\":\"440800\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.body()).contains("\"cert_no\":\"" + cert + "\"").contains("\"birth_date\":\"1962-04-05\"").contains("\"gender\":\"1\"");
            String psnNo = r.body().replaceAll(".*\"psn_no\":\"([^\"]+)\".*", "$1");
            assertThat(api.get("/api/persons/" + psnNo).body()).contains(cert).contains("Zhang Wei");
            assertThat(api.get("/api/persons/" + psnNo, "AUDITOR").body()).as("read-only roles see it masked")
                    .doesNotContain(cert).contains(ResidentId.mask(cert)).doesNotContain("Zhang Wei");
            assertThat(api.get("/api/households/HH1").body()).contains(psnNo);
            r = api.post("/api/persons/search", "{\"cert_no\":\"" + cert + "\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains(psnNo);
            String unknown = RegistryFixture.id("440802", LocalDate.of(1962, 4, 6), true);
            r = api.post("/api/persons/search", "{\"cert_no\":\"" + unknown + "\"}");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain(unknown);

            String bad = cert.substring(0, 16) + (char) ('0' + (cert.charAt(16) - '0' + 2) % 10) + cert.charAt(17);
            r = api.post("/api/persons", "{\"cert_no\":\"" + bad + "\",\"name\":\"x\",\"admdvs\":\"440800\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"cert_no\"").contains("check digit").doesNotContain(bad);
            r = api.post("/api/persons", "{\"cert_no\":\"" + cert + "\",\"name\":\"x\",\"admdvs\":\"440800\"}");
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body()).contains(psnNo).doesNotContain(cert);
        }
    }
}
