package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A region's policy pack: every parameter with its dated history and source, the emergency
 * declarations and the catalogue. {@link #asOf(LocalDate)} gives the compiled {@link Rules} in
 * force on a day; they are compiled once per interval between change dates and cached.
 */
public final class PolicyPack {
    private final String region;
    private final String name;
    private final String admdvs;
    private final String description;
    private final Map<String, Parameter> parameters;
    private final Map<String, Scale> scales;
    private final List<Declaration> declarations;
    private final Catalogue catalogue;
    private final List<String> reforms;
    private final boolean base;
    private final List<String> bases;
    private final String catalogueFile;
    private final LocalDate[] changeDates;
    private final AtomicReferenceArray<Rules> compiled;

    PolicyPack(String region, String name, String admdvs, String description, Map<String, Parameter> parameters,
               Map<String, Scale> scales, List<Declaration> declarations, Catalogue catalogue, List<String> reforms) {
        this(region, name, admdvs, description, parameters, scales, declarations, catalogue, reforms, false, List.of(), null);
    }

    PolicyPack(String region, String name, String admdvs, String description, Map<String, Parameter> parameters,
               Map<String, Scale> scales, List<Declaration> declarations, Catalogue catalogue, List<String> reforms,
               boolean base, List<String> bases, String catalogueFile) {
        this.region = region;
        this.name = name;
        this.admdvs = admdvs;
        this.description = description;
        this.parameters = Map.copyOf(parameters);
        this.scales = Map.copyOf(scales);
        this.declarations = List.copyOf(declarations);
        this.catalogue = catalogue;
        this.reforms = List.copyOf(reforms);
        this.base = base;
        this.bases = List.copyOf(bases);
        this.catalogueFile = catalogueFile;
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Parameter p : parameters.values()) for (Dated d : p.history()) dates.add(d.from());
        for (Scale s : scales.values()) {
            for (Scale.Bracket b : s.brackets()) {
                for (Dated d : b.threshold().history()) dates.add(d.from());
                for (Dated d : b.rate().history()) dates.add(d.from());
            }
        }
        for (Declaration d : declarations) {
            dates.add(d.from());
            if (d.until() != null) dates.add(d.until().plusDays(1));
        }
        this.changeDates = dates.toArray(new LocalDate[0]);
        this.compiled = new AtomicReferenceArray<>(changeDates.length);
    }

    public String region() { return region; }
    public String name() { return name; }
    public String admdvs() { return admdvs; }
    public String description() { return description; }
    public Catalogue catalogue() { return catalogue; }
    public List<String> reforms() { return reforms; }
    /** A base pack ({@code base: true}) holds what other packs share: it is not a region and settles nothing. */
    public boolean base() { return base; }
    /** The packs this one extends, nearest first ({@code extends:} in pack.yaml, then the base's own, …). */
    public List<String> bases() { return bases; }
    /** The catalogue's file, relative to the policies directory (the base's when inherited), or null. */
    public String catalogueFile() { return catalogueFile; }
    public Map<String, Parameter> parameters() { return parameters; }
    public Map<String, Scale> scales() { return scales; }
    public List<Declaration> declarations() { return declarations; }
    public List<LocalDate> changeDates() { return Arrays.asList(changeDates); }

    /** The rules in force on {@code date}; throws {@link NoPolicyException} before the pack's first date. */
    public Rules asOf(LocalDate date) {
        int i = Arrays.binarySearch(changeDates, date);
        if (i < 0) i = -i - 2;
        if (i < 0) {
            throw new NoPolicyException("policy " + region + " has no rules on " + date
                    + (changeDates.length > 0 ? " (its first date is " + changeDates[0] + ")" : ""));
        }
        Rules r = compiled.get(i);
        if (r == null) {
            List<Problem> problems = new ArrayList<>();
            r = Rules.compile(this, changeDates[i], i + 1 < changeDates.length ? changeDates[i + 1] : null, problems);
            if (!problems.isEmpty()) throw new PolicyException(problems);
            compiled.compareAndSet(i, null, r);
        }
        return r;
    }

    /** Consistency checks over every interval: gaps in dates, overlapping bands, tier order. */
    List<Problem> check() {
        return check(true);
    }

    /**
     * As {@link #check()}; without {@code rules}, the scales only: a base pack's tiers may need values that
     * only the packs extending it give, so its rules are checked in those packs.
     */
    List<Problem> check(boolean rules) {
        List<Problem> problems = new ArrayList<>();
        for (Scale s : scales.values()) checkScale(s, problems);
        for (int i = 0; rules && i < changeDates.length; i++) {
            Rules.compile(this, changeDates[i], i + 1 < changeDates.length ? changeDates[i + 1] : null, problems);
        }
        if (rules) checkContract(problems);
        if (rules) checkBudgets(problems);
        if (rules) checkCaseAudit(problems);
        if (rules) checkCasePayment(problems);
        // one problem per distinct message is enough
        Map<String, Problem> distinct = new LinkedHashMap<>();
        for (Problem p : problems) distinct.putIfAbsent(p.file() + p.path() + p.message().replaceAll("\\d{4}-\\d{2}-\\d{2}", ""), p);
        return new ArrayList<>(distinct.values());
    }

    /** The insurer's contract, when the pack has one: complete on every change date from its first value on. */
    private void checkContract(List<Problem> problems) {
        LocalDate first = null;
        for (Parameter p : parameters.values()) {
            if (!p.path().startsWith(InsurerContract.PREFIX) || p.history().isEmpty()) continue;
            LocalDate d = p.history().get(0).from();
            if (first == null || d.isBefore(first)) first = d;
        }
        if (first == null) return;
        for (LocalDate date : changeDates) {
            if (!date.isBefore(first)) InsurerContract.compile(this, date, problems);
        }
    }

    /** The insurer's case audit, when the pack has it: complete on every change date from its first value on. */
    private void checkCaseAudit(List<Problem> problems) {
        LocalDate first = null;
        for (Parameter p : parameters.values()) {
            boolean audit = p.path().startsWith(CaseAudit.SAMPLING) || p.path().equals(CaseAudit.REASONS);
            if (!audit || p.history().isEmpty()) continue;
            LocalDate d = p.history().get(0).from();
            if (first == null || d.isBefore(first)) first = d;
        }
        if (first == null) return;
        for (LocalDate date : changeDates) {
            if (!date.isBefore(first)) CaseAudit.compile(this, date, problems);
        }
    }

    /** The case payment rules, when the pack has them: complete on every change date from their first value on. */
    private void checkCasePayment(List<Problem> problems) {
        LocalDate first = null;
        for (Parameter p : parameters.values()) {
            if (!p.path().startsWith(CasePaymentRules.PREFIX) || p.history().isEmpty()) continue;
            LocalDate d = p.history().get(0).from();
            if (first == null || d.isBefore(first)) first = d;
        }
        if (first == null) return;
        for (LocalDate date : changeDates) {
            if (date.isBefore(first)) continue;
            CasePaymentRules.compile(this, date, problems);
            CaseAdvanceRules.compile(this, date, problems);
        }
    }

    /** The hospital budget rules, when the pack has them: complete on every change date from their first value on. */
    private void checkBudgets(List<Problem> problems) {
        LocalDate first = null;
        for (Parameter p : parameters.values()) {
            if (!p.path().startsWith(BudgetRules.PREFIX) || p.history().isEmpty()) continue;
            LocalDate d = p.history().get(0).from();
            if (first == null || d.isBefore(first)) first = d;
        }
        if (first == null) return;
        for (LocalDate date : changeDates) {
            if (!date.isBefore(first)) BudgetRules.compile(this, date, problems);
        }
    }

    private void checkScale(Scale s, List<Problem> problems) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (Scale.Bracket b : s.brackets()) {
            b.threshold().history().forEach(d -> dates.add(d.from()));
            b.rate().history().forEach(d -> dates.add(d.from()));
        }
        for (LocalDate date : dates) {
            long previous = -1;
            int k = 0;
            for (Scale.Bracket b : s.brackets()) {
                Dated t = b.threshold().at(date);
                Dated r = b.rate().at(date);
                boolean hasT = t != null && t.value() != null;
                boolean hasR = r != null && r.value() != null;
                if (hasT != hasR) {
                    problems.add(new Problem(s.file(), b.threshold().line(), s.path() + ".brackets[" + k + "]",
                            "gap in dates: on " + date + " the bracket has a " + (hasT ? "threshold but no rate" : "rate but no threshold")));
                }
                if (hasT) {
                    long th = (Long) t.value();
                    if (th <= previous) {
                        problems.add(new Problem(s.file(), t.line(), s.path() + ".brackets[" + k + "].threshold",
                                "overlapping bands on " + date + ": threshold " + org.openyibao.engine.money.Money.format(th)
                                        + " is not above the previous bracket's " + org.openyibao.engine.money.Money.format(previous)));
                    }
                    previous = th;
                }
                k++;
            }
        }
    }

    /** This pack with a reform's values taking over from their dates. */
    PolicyPack overlay(String reformName, Map<String, Parameter> params, Map<String, Scale> newScales,
                       List<Declaration> newDeclarations) {
        Map<String, Parameter> p = new LinkedHashMap<>(parameters);
        for (Parameter r : params.values()) {
            Parameter base = p.get(r.path());
            if (base == null) {
                p.put(r.path(), r);
                continue;
            }
            LocalDate from = r.history().get(0).from();
            List<Dated> h = new ArrayList<>();
            for (Dated d : base.history()) if (d.from().isBefore(from)) h.add(d);
            h.addAll(r.history());
            p.put(r.path(), new Parameter(r.path(), r.unit(), base.description(), r.file(), r.line(), h));
        }
        Map<String, Scale> s = new LinkedHashMap<>(scales);
        for (Scale r : newScales.values()) {
            Scale base = s.get(r.path());
            if (base == null) {
                s.put(r.path(), r);
                continue;
            }
            LocalDate from = null;
            for (Scale.Bracket b : r.brackets()) {
                for (Dated d : b.threshold().history()) if (from == null || d.from().isBefore(from)) from = d.from();
                for (Dated d : b.rate().history()) if (from == null || d.from().isBefore(from)) from = d.from();
            }
            List<Scale.Bracket> brackets = new ArrayList<>();
            for (Scale.Bracket b : base.brackets()) {
                brackets.add(new Scale.Bracket(truncate(b.threshold(), from), truncate(b.rate(), from)));
            }
            brackets.addAll(r.brackets());
            // brackets are kept ordered by threshold at each date by Rules; order here is base then reform
            s.put(r.path(), new Scale(r.path(), base.description(), r.file(), r.line(), brackets));
        }
        List<Declaration> d = new ArrayList<>(declarations);
        d.addAll(newDeclarations);
        List<String> rf = new ArrayList<>(reforms);
        rf.add(reformName);
        return new PolicyPack(region, name, admdvs, description, p, s, d, catalogue, rf, base, bases, catalogueFile);
    }

    /** The parameter's history up to {@code from}, then "no value" (a repeal, OpenFisca style). */
    private static Parameter truncate(Parameter p, LocalDate from) {
        List<Dated> h = new ArrayList<>();
        for (Dated d : p.history()) if (d.from().isBefore(from)) h.add(d);
        h.add(new Dated(from, null, "repealed by reform", 0));
        return new Parameter(p.path(), p.unit(), p.description(), p.file(), p.line(), h);
    }
}
