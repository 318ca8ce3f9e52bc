package org.openyibao.platform.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;

/** The registry and enrolment services built by hand on a test database, and valid ID numbers to register. */
public final class RegistryFixture {
    private static final PolicyPacks PACKS = new PolicyPacks(System.getProperty("yibao.policies", "../policies"));
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    public final TestDatabase db;
    public final PolicyPacks packs = PACKS;
    public final Ledger ledger;
    public final RegistryService registry;
    public final PersonService persons;
    public final EnrolmentService enrolments;

    public RegistryFixture(TestDatabase db) {
        this.db = db;
        this.ledger = new Ledger(db.jdbc);
        this.registry = new RegistryService(db.jdbc, db.tx, ledger, packs);
        this.persons = new PersonService(db.jdbc, db.tx, registry, java.time.Clock.systemDefaultZone());
        this.enrolments = new EnrolmentService(db.jdbc, db.tx, persons, registry, packs);
    }

    public static PolicyPacks packs() {
        return PACKS;
    }

    /** Zhanjiang (440800, pack zhanjiang) and Beijing-like second region (110100, pack beijing), an employer in each. */
    public RegistryFixture withRegions() {
        registry.createRegion(new Region("440800", "Zhanjiang", "zhanjiang"));
        registry.createRegion(new Region("110100", "Beijing", "beijing"));
        registry.createEmployer(new Employer("E440800001", "Zhanjiang Port Group", "440800"));
        registry.createEmployer(new Employer("E110100001", "Beijing Works", "110100"));
        return this;
    }

    /** A valid ID number (GB 11643 check digit) issued under {@code region}, born on {@code birth}, male when {@code male}. */
    public static String id(String region, LocalDate birth, boolean male) {
        int seq = SEQ.updateAndGet(i -> i >= 998 ? 100 : i + 1);
        if ((seq % 2 == 1) != male) seq++;
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return first17 + ResidentId.checkDigit(first17);
    }

    public static String id(LocalDate birth) {
        return id("440802", birth, true);
    }

    /** Registers a person in Zhanjiang with a fresh ID number; returns the person. */
    public Person person(String name, LocalDate birth) {
        return persons.register(new Person.New(null, id(birth), name, null, null, null, "440800"));
    }
}
