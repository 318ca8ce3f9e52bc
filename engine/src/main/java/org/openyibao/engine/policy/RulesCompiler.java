package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.openyibao.engine.money.Money;

/**
 * Compiles a pack's values in force on one date into {@link Rules}, recording every value that is
 * needed and missing as a {@link Problem}. A table value may come from the table's {@code all} entry;
 * the citation then names the path that holds it, which is the path a reader finds in the pack.
 */
final class RulesCompiler {
    private final PolicyPack pack;
    private final LocalDate date;
    private final List<Problem> problems;
    /** what needs the values being read, for problem messages */
    private String neededBy;
    private Parameter neededAt;

    /** A value found at {@code path} (the first of the candidate paths that has one). */
    private record Found(String path, Dated dated) {
        Object value() {
            return dated.value();
        }

        long fen() {
            return (Long) dated.value();
        }

        int ppm() {
            return (Integer) dated.value();
        }
    }

    RulesCompiler(PolicyPack pack, LocalDate date, List<Problem> problems) {
        this.pack = pack;
        this.date = date;
        this.problems = problems;
    }

    Rules compile(LocalDate until) {
        SchemeRules resident = scheme(Scheme.RESIDENT);
        SchemeRules employee = scheme(Scheme.EMPLOYEE);
        EnumSet<Tier> used = EnumSet.noneOf(Tier.class);
        for (SchemeRules s : new SchemeRules[] {resident, employee}) if (s != null) used.addAll(s.tiers());
        SeriousIllnessRules si = used.contains(Tier.SERIOUS_ILLNESS) ? seriousIllness() : null;
        AssistanceRules ma = used.contains(Tier.MEDICAL_ASSISTANCE) ? assistance() : null;
        List<Declaration> emergencies = new ArrayList<>();
        for (Declaration d : pack.declarations()) if (d.inForce(date)) emergencies.add(d);
        String spfPath = "classification.default_self_pay_first_ratio";
        Found spf = find(spfPath);
        Ratio defaultSelfPayFirst = spf == null ? new Ratio(0, new Cited(spfPath, "0", date, "no default in pack"))
                : ratio(spf);
        return new Rules(pack.region(), pack.admdvs(), pack.reforms(), date, until, pack.catalogue(), resident, employee,
                si, ma, emergencies, defaultSelfPayFirst);
    }

    // ---------------------------------------------------------------- lookups

    /** The value at the first path that has one on the date (table fallbacks), or null. */
    private Found find(String... paths) {
        for (String p : paths) {
            Parameter param = pack.parameters().get(p);
            if (param == null) continue;
            Dated d = param.at(date);
            if (d != null && d.value() != null) return new Found(p, d);
        }
        return null;
    }

    /** As {@link #find}, recording a problem when no path has a value. */
    private Found need(String... paths) {
        Found f = find(paths);
        if (f == null) {
            problems.add(new Problem(neededAt == null ? null : neededAt.file(), neededAt == null ? 0 : neededAt.line(),
                    paths[0], "gap in dates: no value on " + date + ", needed by " + neededBy));
        }
        return f;
    }

    private static Cited cite(Found f, String text) {
        return new Cited(f.path(), text, f.dated().from(), f.dated().source());
    }

    private static Cited cite(Found f) {
        return f == null ? null : cite(f, String.valueOf(f.value()));
    }

    private static Amount amount(Found f) {
        return new Amount(f.fen(), cite(f, Money.format(f.fen())));
    }

    private static Ratio ratio(Found f) {
        return new Ratio(f.ppm(), cite(f, Money.formatRatio(f.ppm())));
    }

    /** {@code prefix.key}, then the table's {@code prefix.all}. */
    private static String[] table(String prefix, String key) {
        return new String[] {prefix + "." + key, prefix + "." + PolicySchema.ALL};
    }

    // ---------------------------------------------------------------- a scheme

    @SuppressWarnings("unchecked")
    private SchemeRules scheme(Scheme scheme) {
        String s = scheme.key;
        Parameter tiersParam = pack.parameters().get(s + ".tiers");
        Found tiers = find(s + ".tiers");
        if (tiers == null) return null;
        SchemeRules.Draft out = new SchemeRules.Draft();
        out.scheme = scheme;
        out.tiers = ((List<String>) tiers.value()).stream().map(Tier::of).toList();
        out.tiersCited = cite(tiers);
        checkOrder(tiersParam, out.tiers, s);
        neededAt = tiersParam;
        if (out.has(Tier.ELIGIBILITY)) eligibility(out, s);
        if (out.has(Tier.BASIC_POOLING)) {
            neededBy = "tier basic_pooling of " + s;
            inpatient(out, scheme);
            annualCap(out, scheme);
            specialOutpatient(out, s);
            if (scheme == Scheme.RESIDENT) out.outpatient = outpatient();
        }
        if (out.has(Tier.LARGE_AMOUNT)) largeAmount(out, scheme);
        if (out.has(Tier.INDIVIDUAL_ACCOUNT)) {
            neededBy = "tier individual_account of " + s;
            Found c = need(s + ".individual_account.covers_self_pay");
            if (c != null) {
                out.accountCoversSelfPay = (Boolean) c.value();
                out.accountCoversSelfPayCited = cite(c);
            }
        }
        return new SchemeRules(out);
    }

    private void eligibility(SchemeRules.Draft out, String s) {
        neededBy = "tier eligibility of " + s;
        Found waiting = need(s + ".eligibility.waiting_months");
        Found arrears = need(s + ".eligibility.arrears_suspend");
        if (waiting != null) {
            out.waitingMonths = (Integer) waiting.value();
            out.waitingCited = cite(waiting);
        }
        if (arrears != null) {
            out.arrearsSuspend = (Boolean) arrears.value();
            out.arrearsCited = cite(arrears);
        }
    }

    /** Deductible and ratio per level (employees' ratios also per employment), and the deductible's basis. */
    private void inpatient(SchemeRules.Draft out, Scheme scheme) {
        String s = scheme.key;
        boolean any = false;
        for (Level l : Level.values()) {
            Found d = find(table(s + ".inpatient.deductible", l.key));
            out.deductible[l.ordinal()] = d == null ? null : amount(d);
            any |= d != null;
            for (Employment e : Employment.values()) {
                String[] paths = scheme == Scheme.RESIDENT ? table(s + ".inpatient.ratio", l.key)
                        : new String[] {s + ".inpatient.ratio." + e.key + "." + l.key, s + ".inpatient.ratio." + e.key + ".all",
                        s + ".inpatient.ratio.all." + l.key, s + ".inpatient.ratio.all.all"};
                Found q = find(paths);
                out.ratio[e.ordinal()][l.ordinal()] = q == null ? null : ratio(q);
            }
        }
        if (!any) need(s + ".inpatient.deductible." + Level.LEVEL3.key);
        Found basis = need(s + ".inpatient.deductible_basis");
        if (basis != null) {
            out.deductibleBasis = DeductibleBasis.of((String) basis.value());
            out.deductibleBasisCited = cite(basis);
        }
    }

    /** Residents' cap is per contribution level; employees' is one value. No value: no cap. */
    private void annualCap(SchemeRules.Draft out, Scheme scheme) {
        String base = scheme.key + ".basic.annual_cap";
        for (Contribution c : Contribution.values()) {
            Found d = scheme == Scheme.RESIDENT ? need(table(base, c.key)) : need(base);
            out.annualCap[c.ordinal()] = d == null ? new Amount(Money.UNLIMITED, null) : amount(d);
        }
    }

    @SuppressWarnings("unchecked")
    private void specialOutpatient(SchemeRules.Draft out, String s) {
        Found diseases = find(s + ".special_outpatient.diseases");
        if (diseases == null) return;
        out.specialDiseases = (List<String>) diseases.value();
        out.specialDiseasesCited = cite(diseases);
        Found basis = need(s + ".special_outpatient.deductible_basis");
        if (basis != null) {
            out.specialDeductibleBasis = SpecialDeductibleBasis.of((String) basis.value());
            out.specialDeductibleBasisCited = cite(basis);
        }
    }

    /** Residents' village card and township cover, or null when the pack sets no card credit. */
    private OutpatientRules outpatient() {
        String o = "resident.outpatient.";
        Found credit = find(o + "village.card_credit");
        if (credit == null) return null;
        neededBy = "residents' outpatient rules (village.card_credit is set)";
        Found rollsOver = need(o + "village.card_rolls_over");
        Found deductible = need(o + "township.deductible");
        Found ratio = need(o + "township.ratio");
        Found limit = need(o + "township.annual_limit");
        if (rollsOver == null || deductible == null || ratio == null || limit == null) return null;
        return new OutpatientRules(amount(credit), (Boolean) rollsOver.value(), cite(rollsOver), amount(deductible),
                ratio(ratio), amount(limit));
    }

    private void largeAmount(SchemeRules.Draft out, Scheme scheme) {
        String s = scheme.key;
        neededBy = "tier large_amount of " + s;
        for (Level l : Level.values()) {
            String[] paths = table(s + ".large_amount.ratio", l.key);
            Found d = l == Level.LEVEL3 ? need(paths) : find(paths);
            out.largeRatio[l.ordinal()] = d == null ? null : ratio(d);
        }
        String base = s + ".large_amount.annual_limit";
        for (Contribution c : Contribution.values()) {
            Found d = scheme == Scheme.RESIDENT ? need(table(base, c.key)) : need(base);
            out.largeLimit[c.ordinal()] = d == null ? new Amount(0, null) : amount(d);
        }
    }

    /** The order the seeds give (REFERENCE §1, §3): basic → large amount / serious illness → assistance → emergency → account. */
    private void checkOrder(Parameter tiersParam, List<Tier> tiers, String scheme) {
        EnumSet<Tier> seen = EnumSet.noneOf(Tier.class);
        for (Tier t : tiers) {
            if (!seen.add(t)) {
                problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                        "tier " + t.key + " listed twice on " + date));
            }
        }
        for (int i = 0; i + 1 < tiers.size(); i++) {
            if (tiers.get(i).ordinal() > tiers.get(i + 1).ordinal()) {
                problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                        "tier " + tiers.get(i + 1).key + " cannot pay after " + tiers.get(i).key + " (order: "
                                + Tier.keys().replace('|', ' ') + ")"));
            }
        }
        if (!seen.contains(Tier.BASIC_POOLING) && (seen.contains(Tier.LARGE_AMOUNT) || seen.contains(Tier.SERIOUS_ILLNESS))) {
            problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                    "large_amount and serious_illness pay on top of basic_pooling, which is missing"));
        }
    }

    // ---------------------------------------------------------------- serious illness

    private SeriousIllnessRules seriousIllness() {
        neededBy = "tier serious_illness";
        neededAt = pack.parameters().get("resident.tiers");
        int categories = Category.values().length;
        int levels = Contribution.values().length;
        Bands[] bands = new Bands[categories];
        Amount[][] combinedCap = new Amount[categories][levels];
        Amount[][] annualCap = new Amount[categories][levels];
        for (Category c : Category.values()) {
            bands[c.ordinal()] = bandsFor(c);
            for (Contribution k : Contribution.values()) {
                Found combined = c == Category.GENERAL ? need(byCategory("serious_illness.combined_cap.", c, k))
                        : find(byCategory("serious_illness.combined_cap.", c, k));
                combinedCap[c.ordinal()][k.ordinal()] = combined == null ? new Amount(Money.UNLIMITED, null) : amount(combined);
                Found alone = find(byCategory("serious_illness.annual_cap.", c, k));
                annualCap[c.ordinal()][k.ordinal()] = alone == null ? new Amount(Money.UNLIMITED, null) : amount(alone);
            }
        }
        Found general = need("serious_illness.include_general_outpatient");
        return new SeriousIllnessRules(bands, combinedCap, annualCap, general != null && (Boolean) general.value(),
                cite(general), children());
    }

    /** A category × contribution table's candidate paths, most specific first, the general category last. */
    private static String[] byCategory(String base, Category c, Contribution k) {
        return new String[] {base + c.key + "." + k.key, base + c.key + ".all", base + "all." + k.key, base + "all.all",
                base + "general." + k.key, base + "general.all"};
    }

    private Bands bandsFor(Category c) {
        String[] paths = {"serious_illness.bands." + c.key, "serious_illness.bands.all", "serious_illness.bands.general"};
        for (String p : paths) {
            Bands b = bands(p);
            if (b != null) return b;
        }
        if (c == Category.GENERAL) {
            problems.add(new Problem(neededAt == null ? null : neededAt.file(), 0, paths[0],
                    "gap in dates: no bands on " + date + ", needed by tier serious_illness"));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private SeriousIllnessRules.ChildrenRule children() {
        Found age = find("serious_illness.children.max_age");
        if (age == null) return null;
        neededBy = "the children's serious-illness rule (children.max_age is set)";
        Found diagnoses = need("serious_illness.children.diagnoses");
        Found pooling = need("serious_illness.children.pooling_ratio");
        Found assistance = need("serious_illness.children.assistance_ratio");
        if (diagnoses == null || pooling == null || assistance == null) return null;
        return new SeriousIllnessRules.ChildrenRule((Integer) age.value(), cite(age), (List<String>) diagnoses.value(),
                cite(diagnoses), ratio(pooling), ratio(assistance));
    }

    private Bands bands(String path) {
        Scale s = pack.scales().get(path);
        if (s == null) return null;
        List<Long> thresholds = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        List<Cited> cited = new ArrayList<>();
        for (Scale.Bracket b : s.brackets()) {
            Dated t = b.threshold().at(date);
            Dated q = b.rate().at(date);
            if (t == null || q == null || t.value() == null || q.value() == null) continue;
            long threshold = (Long) t.value();
            int rate = (Integer) q.value();
            thresholds.add(threshold);
            rates.add(rate);
            cited.add(new Cited(path + "[" + Money.format(threshold) + "+]",
                    Money.formatRatio(rate) + " above " + Money.format(threshold),
                    t.from().isAfter(q.from()) ? t.from() : q.from(),
                    t.source().equals(q.source()) ? q.source() : "threshold: " + t.source() + "; rate: " + q.source()));
        }
        if (thresholds.isEmpty()) return null;
        return new Bands(thresholds.stream().mapToLong(Long::longValue).toArray(),
                rates.stream().mapToInt(Integer::intValue).toArray(), cited);
    }

    // ---------------------------------------------------------------- medical assistance

    private AssistanceRules assistance() {
        neededBy = "tier medical_assistance";
        AssistanceRules.CategoryRule[] rules = new AssistanceRules.CategoryRule[Category.values().length];
        for (Category c : Category.values()) {
            Found threshold = find(table("medical_assistance.threshold", c.key));
            Found ratio = find(table("medical_assistance.ratio", c.key));
            Found cap = find(table("medical_assistance.annual_cap", c.key));
            if (threshold == null && ratio == null && cap == null) continue;
            if (threshold == null || ratio == null || cap == null) {
                problems.add(new Problem(null, 0, "medical_assistance." + c.key,
                        "gap in dates: threshold, ratio and annual_cap must all have values on " + date));
                continue;
            }
            rules[c.ordinal()] = new AssistanceRules.CategoryRule(amount(threshold), ratio(ratio), amount(cap));
        }
        return new AssistanceRules(rules);
    }
}
