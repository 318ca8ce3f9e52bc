package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.openyibao.engine.money.Money;

/**
 * The rules of one pack in force over one interval of dates, compiled to arrays the engine
 * reads without lookups. Every number carries a {@link Cited} (path, value, since, source) so
 * the settlement trace can say where it came from.
 */
public final class Rules {
    public final String region;
    /** The pooling region's 6-digit code, or null. */
    public final String admdvs;
    public final List<String> reforms;
    public final LocalDate from;
    /** First day these rules no longer apply, or null. */
    public final LocalDate until;
    public final Catalogue catalogue;
    private final SchemeRules resident;
    private final SchemeRules employee;
    public final SeriousIllnessRules seriousIllness;
    public final AssistanceRules assistance;
    public final List<Declaration> emergencies;
    public final int defaultSelfPayFirstPpm;
    public final Cited defaultSelfPayFirst;

    private Rules(String region, String admdvs, List<String> reforms, LocalDate from, LocalDate until, Catalogue catalogue,
                  SchemeRules resident, SchemeRules employee, SeriousIllnessRules si, AssistanceRules ma,
                  List<Declaration> emergencies, int defaultSelfPayFirstPpm, Cited defaultSelfPayFirst) {
        this.region = region;
        this.admdvs = admdvs;
        this.reforms = reforms;
        this.from = from;
        this.until = until;
        this.catalogue = catalogue;
        this.resident = resident;
        this.employee = employee;
        this.seriousIllness = si;
        this.assistance = ma;
        this.emergencies = emergencies;
        this.defaultSelfPayFirstPpm = defaultSelfPayFirstPpm;
        this.defaultSelfPayFirst = defaultSelfPayFirst;
    }

    /** The scheme's rules, or null when this pack does not cover the scheme on these dates. */
    public SchemeRules scheme(Scheme s) {
        return s == Scheme.RESIDENT ? resident : employee;
    }

    /** One scheme's basic-insurance rules. Arrays are indexed by enum ordinal; −1 means "none". */
    public static final class SchemeRules {
        public Scheme scheme;
        public Tier[] tiers;
        public Cited tiersCited;
        public int waitingMonths;
        public Cited waitingCited;
        public boolean arrearsSuspend;
        public Cited arrearsCited;
        public final long[] deductible = new long[Level.values().length];
        public final Cited[] deductibleCited = new Cited[Level.values().length];
        public DeductibleBasis deductibleBasis;
        public Cited deductibleBasisCited;
        public final int[][] ratio = new int[Employment.values().length][Level.values().length];
        public final Cited[][] ratioCited = new Cited[Employment.values().length][Level.values().length];
        public final long[] annualCap = new long[Contribution.values().length];
        public final Cited[] annualCapCited = new Cited[Contribution.values().length];
        public final int[] largeRatio = new int[Level.values().length];
        public final Cited[] largeRatioCited = new Cited[Level.values().length];
        public final long[] largeLimit = new long[Contribution.values().length];
        public final Cited[] largeLimitCited = new Cited[Contribution.values().length];
        public List<String> specialDiseases = List.of();
        public Cited specialDiseasesCited;
        /** visit, year or none */
        public String specialDeductibleBasis = "visit";
        public Cited specialDeductibleBasisCited;
        public boolean hasOutpatient;
        public long villageCardCredit;
        public Cited villageCardCreditCited;
        public boolean cardRollsOver;
        public Cited cardRollsOverCited;
        public long townshipDeductible;
        public Cited townshipDeductibleCited;
        public int townshipRatio;
        public Cited townshipRatioCited;
        public long townshipLimit;
        public Cited townshipLimitCited;
        public boolean accountCoversSelfPay;
        public Cited accountCoversSelfPayCited;

        public boolean has(Tier t) {
            for (Tier x : tiers) if (x == t) return true;
            return false;
        }

        public boolean isSpecialDisease(String[] diagnoses) {
            return matches(specialDiseases, diagnoses);
        }
    }

    /** A marginal scale compiled for one date: thresholds ascending, rates in ppm. */
    public static final class Bands {
        public final long[] thresholds;
        public final int[] rates;
        public final Cited[] cited;

        Bands(long[] thresholds, int[] rates, Cited[] cited) {
            this.thresholds = thresholds;
            this.rates = rates;
            this.cited = cited;
        }

        /** The scale applied to {@code base}, exact, in fen × ppm. */
        public long micro(long base) {
            long sum = 0;
            for (int i = 0; i < thresholds.length; i++) {
                long lo = thresholds[i];
                if (base <= lo) break;
                long hi = i + 1 < thresholds.length ? Math.min(base, thresholds[i + 1]) : base;
                sum += (hi - lo) * (long) rates[i];
            }
            return sum;
        }

        public long threshold() {
            return thresholds.length == 0 ? Money.UNLIMITED : thresholds[0];
        }
    }

    public static final class SeriousIllnessRules {
        public final Bands[] bands = new Bands[Category.values().length];
        public final long[][] combinedCap = new long[Category.values().length][Contribution.values().length];
        public final Cited[][] combinedCapCited = new Cited[Category.values().length][Contribution.values().length];
        /** the cap on serious-illness payments alone, {@link Money#UNLIMITED} when the pack sets none */
        public final long[][] annualCap = new long[Category.values().length][Contribution.values().length];
        public final Cited[][] annualCapCited = new Cited[Category.values().length][Contribution.values().length];
        public boolean includeGeneralOutpatient;
        public Cited includeGeneralOutpatientCited;
        public boolean hasChildrenRule;
        public int childMaxAge;
        public List<String> childDiagnoses = List.of();
        public int childPoolingRatio;
        public int childAssistanceRatio;
        public Cited childMaxAgeCited, childDiagnosesCited, childPoolingRatioCited, childAssistanceRatioCited;

        public boolean isChildIllness(String[] diagnoses) {
            return hasChildrenRule && matches(childDiagnoses, diagnoses);
        }
    }

    public static final class AssistanceRules {
        /** −1 threshold means the category gets no assistance. */
        public final long[] threshold = new long[Category.values().length];
        public final int[] ratio = new int[Category.values().length];
        public final long[] annualCap = new long[Category.values().length];
        public final Cited[] thresholdCited = new Cited[Category.values().length];
        public final Cited[] ratioCited = new Cited[Category.values().length];
        public final Cited[] annualCapCited = new Cited[Category.values().length];
    }

    /** ICD-10 prefix match: "C91" matches "C91.0"; "I10" matches "I10". */
    static boolean matches(List<String> codes, String[] diagnoses) {
        for (String d : diagnoses) {
            for (String c : codes) if (d.startsWith(c)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- compilation

    /** Reads parameter values on one date, recording what is missing for whom. */
    private static final class Resolver {
        final PolicyPack pack;
        final LocalDate date;
        final List<Problem> problems;
        String neededBy;
        Parameter neededAt;

        Resolver(PolicyPack pack, LocalDate date, List<Problem> problems) {
            this.pack = pack;
            this.date = date;
            this.problems = problems;
        }

        /** The value at the first path that has one (table fallbacks), or null. */
        Dated optional(String... paths) {
            for (String p : paths) {
                Parameter param = pack.parameters().get(p);
                if (param == null) continue;
                Dated d = param.at(date);
                if (d != null && d.value() != null) return d;
            }
            return null;
        }

        Dated required(String... paths) {
            Dated d = optional(paths);
            if (d == null) {
                problems.add(new Problem(neededAt == null ? null : neededAt.file(), neededAt == null ? 0 : neededAt.line(),
                        paths[0], "gap in dates: no value on " + date + ", needed by " + neededBy));
            }
            return d;
        }

        Cited cite(String path, Dated d) {
            if (d == null) return null;
            return new Cited(path, display(d.value()), d.from(), d.source());
        }

        static String display(Object v) {
            return v.toString();
        }
    }

    private static String[] tablePaths(String prefix, String key) {
        return new String[] {prefix + "." + key, prefix + "." + PolicySchema.ALL};
    }

    static Rules compile(PolicyPack pack, LocalDate from, LocalDate until, List<Problem> problems) {
        Resolver r = new Resolver(pack, from, problems);
        SchemeRules resident = scheme(r, Scheme.RESIDENT);
        SchemeRules employee = scheme(r, Scheme.EMPLOYEE);
        EnumSet<Tier> used = EnumSet.noneOf(Tier.class);
        for (SchemeRules s : new SchemeRules[] {resident, employee}) {
            if (s != null) used.addAll(List.of(s.tiers));
        }
        SeriousIllnessRules si = used.contains(Tier.SERIOUS_ILLNESS) ? seriousIllness(r) : null;
        AssistanceRules ma = used.contains(Tier.MEDICAL_ASSISTANCE) ? assistance(r) : null;
        List<Declaration> emergencies = new ArrayList<>();
        for (Declaration d : pack.declarations()) if (d.inForce(from)) emergencies.add(d);
        r.neededBy = "class B lines that name no self-pay-first ratio";
        r.neededAt = null;
        Dated spf = r.optional("classification.default_self_pay_first_ratio");
        int spfPpm = spf == null ? 0 : (Integer) spf.value();
        return new Rules(pack.region(), pack.admdvs(), pack.reforms(), from, until, pack.catalogue(), resident, employee, si, ma,
                List.copyOf(emergencies), spfPpm,
                spf == null ? new Cited("classification.default_self_pay_first_ratio", "0", from, "no default in pack")
                        : r.cite("classification.default_self_pay_first_ratio", ratioText(spf)));
    }

    private static Dated ratioText(Dated d) {
        return new Dated(d.from(), Money.formatRatio((Integer) d.value()), d.source(), d.line());
    }

    private static Dated moneyText(Dated d) {
        return new Dated(d.from(), Money.format((Long) d.value()), d.source(), d.line());
    }

    @SuppressWarnings("unchecked")
    private static SchemeRules scheme(Resolver r, Scheme scheme) {
        String s = scheme.key;
        Parameter tiersParam = r.pack.parameters().get(s + ".tiers");
        Dated tiersValue = r.optional(s + ".tiers");
        if (tiersValue == null) return null;
        SchemeRules out = new SchemeRules();
        out.scheme = scheme;
        List<String> names = (List<String>) tiersValue.value();
        out.tiers = names.stream().map(Tier::of).toArray(Tier[]::new);
        out.tiersCited = r.cite(s + ".tiers", tiersValue);
        checkOrder(r, tiersParam, out.tiers, s);
        r.neededAt = tiersParam;

        if (out.has(Tier.ELIGIBILITY)) {
            r.neededBy = "tier eligibility of " + s;
            Dated w = r.required(s + ".eligibility.waiting_months");
            Dated a = r.required(s + ".eligibility.arrears_suspend");
            if (w != null) {
                out.waitingMonths = (Integer) w.value();
                out.waitingCited = r.cite(s + ".eligibility.waiting_months", w);
            }
            if (a != null) {
                out.arrearsSuspend = (Boolean) a.value();
                out.arrearsCited = r.cite(s + ".eligibility.arrears_suspend", a);
            }
        }
        if (out.has(Tier.BASIC_POOLING)) {
            r.neededBy = "tier basic_pooling of " + s;
            boolean any = false;
            for (Level l : Level.values()) {
                String base = s + ".inpatient.deductible";
                Dated d = r.optional(tablePaths(base, l.key));
                out.deductible[l.ordinal()] = d == null ? -1 : (Long) d.value();
                out.deductibleCited[l.ordinal()] = d == null ? null : r.cite(base + "." + l.key, moneyText(d));
                any |= d != null;
                for (Employment e : Employment.values()) {
                    String rb = scheme == Scheme.RESIDENT ? s + ".inpatient.ratio" : s + ".inpatient.ratio." + e.key;
                    String[] paths = scheme == Scheme.RESIDENT ? tablePaths(rb, l.key)
                            : new String[] {rb + "." + l.key, rb + ".all", s + ".inpatient.ratio.all." + l.key,
                            s + ".inpatient.ratio.all.all"};
                    Dated q = r.optional(paths);
                    out.ratio[e.ordinal()][l.ordinal()] = q == null ? -1 : (Integer) q.value();
                    out.ratioCited[e.ordinal()][l.ordinal()] = q == null ? null : r.cite(rb + "." + l.key, ratioText(q));
                }
            }
            if (!any) r.required(s + ".inpatient.deductible." + Level.LEVEL3.key);
            Dated basis = r.required(s + ".inpatient.deductible_basis");
            if (basis != null) {
                out.deductibleBasis = DeductibleBasis.of((String) basis.value());
                out.deductibleBasisCited = r.cite(s + ".inpatient.deductible_basis", basis);
            }
            for (Contribution c : Contribution.values()) {
                String base = s + ".basic.annual_cap";
                Dated d = scheme == Scheme.RESIDENT ? r.required(tablePaths(base, c.key)) : r.required(base);
                out.annualCap[c.ordinal()] = d == null ? Money.UNLIMITED : (Long) d.value();
                out.annualCapCited[c.ordinal()] = d == null ? null
                        : r.cite(scheme == Scheme.RESIDENT ? base + "." + c.key : base, moneyText(d));
            }
            Dated sd = r.optional(s + ".special_outpatient.diseases");
            if (sd != null) {
                out.specialDiseases = (List<String>) sd.value();
                out.specialDiseasesCited = r.cite(s + ".special_outpatient.diseases", sd);
                Dated sb = r.required(s + ".special_outpatient.deductible_basis");
                if (sb != null) {
                    out.specialDeductibleBasis = (String) sb.value();
                    out.specialDeductibleBasisCited = r.cite(s + ".special_outpatient.deductible_basis", sb);
                }
            }
            if (scheme == Scheme.RESIDENT) {
                String o = "resident.outpatient.";
                Dated credit = r.optional(o + "village.card_credit");
                out.hasOutpatient = credit != null;
                if (credit != null) {
                    r.neededBy = "residents' outpatient rules (village.card_credit is set)";
                    Dated roll = r.required(o + "village.card_rolls_over");
                    Dated td = r.required(o + "township.deductible");
                    Dated tr = r.required(o + "township.ratio");
                    Dated tl = r.required(o + "township.annual_limit");
                    out.villageCardCredit = (Long) credit.value();
                    out.villageCardCreditCited = r.cite(o + "village.card_credit", moneyText(credit));
                    if (roll != null && td != null && tr != null && tl != null) {
                        out.cardRollsOver = (Boolean) roll.value();
                        out.cardRollsOverCited = r.cite(o + "village.card_rolls_over", roll);
                        out.townshipDeductible = (Long) td.value();
                        out.townshipDeductibleCited = r.cite(o + "township.deductible", moneyText(td));
                        out.townshipRatio = (Integer) tr.value();
                        out.townshipRatioCited = r.cite(o + "township.ratio", ratioText(tr));
                        out.townshipLimit = (Long) tl.value();
                        out.townshipLimitCited = r.cite(o + "township.annual_limit", moneyText(tl));
                    }
                }
            }
        }
        if (out.has(Tier.LARGE_AMOUNT)) {
            r.neededBy = "tier large_amount of " + s;
            for (Level l : Level.values()) {
                String base = s + ".large_amount.ratio";
                Dated d = l == Level.LEVEL3 ? r.required(tablePaths(base, l.key)) : r.optional(tablePaths(base, l.key));
                out.largeRatio[l.ordinal()] = d == null ? 0 : (Integer) d.value();
                out.largeRatioCited[l.ordinal()] = d == null ? null : r.cite(base + "." + l.key, ratioText(d));
            }
            for (Contribution c : Contribution.values()) {
                String base = s + ".large_amount.annual_limit";
                Dated d = scheme == Scheme.RESIDENT ? r.required(tablePaths(base, c.key)) : r.required(base);
                out.largeLimit[c.ordinal()] = d == null ? 0 : (Long) d.value();
                out.largeLimitCited[c.ordinal()] = d == null ? null
                        : r.cite(scheme == Scheme.RESIDENT ? base + "." + c.key : base, moneyText(d));
            }
        }
        if (out.has(Tier.INDIVIDUAL_ACCOUNT)) {
            r.neededBy = "tier individual_account of " + s;
            Dated c = r.required(s + ".individual_account.covers_self_pay");
            if (c != null) {
                out.accountCoversSelfPay = (Boolean) c.value();
                out.accountCoversSelfPayCited = r.cite(s + ".individual_account.covers_self_pay", c);
            }
        }
        return out;
    }

    /** The order the seeds give (REFERENCE §1, §3): basic → large amount / serious illness → assistance → emergency → account. */
    private static void checkOrder(Resolver r, Parameter tiersParam, Tier[] tiers, String scheme) {
        EnumSet<Tier> seen = EnumSet.noneOf(Tier.class);
        for (Tier t : tiers) {
            if (!seen.add(t)) {
                r.problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                        "tier " + t.key + " listed twice on " + r.date));
            }
        }
        for (int i = 0; i + 1 < tiers.length; i++) {
            if (tiers[i].ordinal() > tiers[i + 1].ordinal()) {
                r.problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                        "tier " + tiers[i + 1].key + " cannot pay after " + tiers[i].key + " (order: "
                                + Tier.keys().replace('|', ' ') + ")"));
            }
        }
        if (!seen.contains(Tier.BASIC_POOLING) && (seen.contains(Tier.LARGE_AMOUNT) || seen.contains(Tier.SERIOUS_ILLNESS))) {
            r.problems.add(new Problem(tiersParam.file(), tiersParam.line(), scheme + ".tiers",
                    "large_amount and serious_illness pay on top of basic_pooling, which is missing"));
        }
    }

    @SuppressWarnings("unchecked")
    private static SeriousIllnessRules seriousIllness(Resolver r) {
        SeriousIllnessRules out = new SeriousIllnessRules();
        r.neededBy = "tier serious_illness";
        r.neededAt = r.pack.parameters().get("resident.tiers");
        for (Category c : Category.values()) {
            String[] paths = {"serious_illness.bands." + c.key, "serious_illness.bands.all", "serious_illness.bands.general"};
            Bands b = null;
            for (String p : paths) {
                b = bands(r, p);
                if (b != null) break;
            }
            if (b == null && c == Category.GENERAL) {
                r.problems.add(new Problem(r.neededAt == null ? null : r.neededAt.file(), 0, paths[0],
                        "gap in dates: no bands on " + r.date + ", needed by tier serious_illness"));
            }
            out.bands[c.ordinal()] = b;
            for (Contribution k : Contribution.values()) {
                String base = "serious_illness.combined_cap.";
                String[] cp = {base + c.key + "." + k.key, base + c.key + ".all", base + "all." + k.key, base + "all.all",
                        base + "general." + k.key, base + "general.all"};
                Dated d = c == Category.GENERAL ? r.required(cp) : r.optional(cp);
                out.combinedCap[c.ordinal()][k.ordinal()] = d == null ? Money.UNLIMITED : (Long) d.value();
                out.combinedCapCited[c.ordinal()][k.ordinal()] = d == null ? null
                        : r.cite(base + c.key + "." + k.key, moneyText(d));
                String ab = "serious_illness.annual_cap.";
                Dated a = r.optional(ab + c.key + "." + k.key, ab + c.key + ".all", ab + "all." + k.key, ab + "all.all",
                        ab + "general." + k.key, ab + "general.all");
                out.annualCap[c.ordinal()][k.ordinal()] = a == null ? Money.UNLIMITED : (Long) a.value();
                out.annualCapCited[c.ordinal()][k.ordinal()] = a == null ? null : r.cite(ab + c.key + "." + k.key, moneyText(a));
            }
        }
        Dated inc = r.required("serious_illness.include_general_outpatient");
        if (inc != null) {
            out.includeGeneralOutpatient = (Boolean) inc.value();
            out.includeGeneralOutpatientCited = r.cite("serious_illness.include_general_outpatient", inc);
        }
        Dated age = r.optional("serious_illness.children.max_age");
        if (age != null) {
            r.neededBy = "the children's serious-illness rule (children.max_age is set)";
            Dated dx = r.required("serious_illness.children.diagnoses");
            Dated pr = r.required("serious_illness.children.pooling_ratio");
            Dated ar = r.required("serious_illness.children.assistance_ratio");
            if (dx != null && pr != null && ar != null) {
                out.hasChildrenRule = true;
                out.childMaxAge = (Integer) age.value();
                out.childDiagnoses = (List<String>) dx.value();
                out.childPoolingRatio = (Integer) pr.value();
                out.childAssistanceRatio = (Integer) ar.value();
                out.childMaxAgeCited = r.cite("serious_illness.children.max_age", age);
                out.childDiagnosesCited = r.cite("serious_illness.children.diagnoses", dx);
                out.childPoolingRatioCited = r.cite("serious_illness.children.pooling_ratio", ratioText(pr));
                out.childAssistanceRatioCited = r.cite("serious_illness.children.assistance_ratio", ratioText(ar));
            }
        }
        return out;
    }

    private static Bands bands(Resolver r, String path) {
        Scale s = r.pack.scales().get(path);
        if (s == null) return null;
        List<long[]> rows = new ArrayList<>();
        List<Cited> cited = new ArrayList<>();
        for (Scale.Bracket b : s.brackets()) {
            Dated t = b.threshold().at(r.date);
            Dated q = b.rate().at(r.date);
            if (t == null || q == null || t.value() == null || q.value() == null) continue;
            rows.add(new long[] {(Long) t.value(), (Integer) q.value()});
            cited.add(new Cited(path + "[" + Money.format((Long) t.value()) + "+]",
                    Money.formatRatio((Integer) q.value()) + " above " + Money.format((Long) t.value()),
                    t.from().isAfter(q.from()) ? t.from() : q.from(),
                    t.source().equals(q.source()) ? q.source() : "threshold: " + t.source() + "; rate: " + q.source()));
        }
        if (rows.isEmpty()) return null;
        long[] th = new long[rows.size()];
        int[] rt = new int[rows.size()];
        for (int i = 0; i < th.length; i++) {
            th[i] = rows.get(i)[0];
            rt[i] = (int) rows.get(i)[1];
        }
        return new Bands(th, rt, cited.toArray(new Cited[0]));
    }

    private static AssistanceRules assistance(Resolver r) {
        AssistanceRules out = new AssistanceRules();
        r.neededBy = "tier medical_assistance";
        for (Category c : Category.values()) {
            Dated t = r.optional("medical_assistance.threshold." + c.key, "medical_assistance.threshold.all");
            Dated q = r.optional("medical_assistance.ratio." + c.key, "medical_assistance.ratio.all");
            Dated cap = r.optional("medical_assistance.annual_cap." + c.key, "medical_assistance.annual_cap.all");
            if (t == null && q == null && cap == null) {
                out.threshold[c.ordinal()] = -1;
                continue;
            }
            if (t == null || q == null || cap == null) {
                r.problems.add(new Problem(null, 0, "medical_assistance." + c.key,
                        "gap in dates: threshold, ratio and annual_cap must all have values on " + r.date));
                out.threshold[c.ordinal()] = -1;
                continue;
            }
            out.threshold[c.ordinal()] = (Long) t.value();
            out.ratio[c.ordinal()] = (Integer) q.value();
            out.annualCap[c.ordinal()] = (Long) cap.value();
            out.thresholdCited[c.ordinal()] = r.cite("medical_assistance.threshold." + c.key, moneyText(t));
            out.ratioCited[c.ordinal()] = r.cite("medical_assistance.ratio." + c.key, ratioText(q));
            out.annualCapCited[c.ordinal()] = r.cite("medical_assistance.annual_cap." + c.key, moneyText(cap));
        }
        return out;
    }
}
