package org.openyibao.engine.calc;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.openyibao.engine.error.Echo;
import org.openyibao.engine.error.JsonProblem;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Catalogue;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Visit;

/**
 * Reads the {@code yibao calc} JSON (docs/calc.md) into engine inputs; the server reads visits with it
 * too. Every mistake is a {@link CalcInputException} naming the field by its JSON path, e.g.
 * {@code visits[0].lines[2].amount}.
 */
public final class CalcReader {
    /** "Enrolled long ago" when a request gives no enrolment date. */
    static final LocalDate LONG_AGO = LocalDate.of(1900, 1, 1);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Function<String, PolicyPack> packs;

    /** {@code packs} finds a region's pack (with any reform applied) or throws a CalcInputException. */
    public CalcReader(Function<String, PolicyPack> packs) {
        this.packs = packs;
    }

    public CalcRequest read(Reader in, boolean traceDefault) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CalcInputException("malformed JSON: " + JsonProblem.describe(e));
        } catch (IOException e) {
            throw new CalcInputException("cannot read input");
        }
        return read(root, traceDefault);
    }

    public CalcRequest read(JsonNode root, boolean traceDefault) {
        if (root == null || !root.isObject()) throw new CalcInputException("input: expected a JSON object");
        known(root, "", Set.of("region", "person", "visits", "accumulators", "trace"));
        String region = text(root, "region", true);
        PolicyPack pack = packs.apply(region);
        Person person = person(obj(root, "person", true));
        JsonNode visitsNode = root.get("visits");
        if (visitsNode == null || !visitsNode.isArray()) throw new CalcInputException("visits: required, a list of visits");
        List<Visit> parsed = new ArrayList<>();
        int i = 0;
        for (JsonNode v : visitsNode) parsed.add(visit(v, "visits[" + i++ + "]", pack.catalogue()));
        // settle in date order; sort is stable, so same-day visits keep their order
        List<Integer> indexes = new ArrayList<>();
        for (int k = 0; k < parsed.size(); k++) indexes.add(k);
        indexes.sort(Comparator.comparing(k -> parsed.get(k).date()));
        List<Visit> visits = indexes.stream().map(parsed::get).toList();
        boolean trace = root.has("trace") ? bool(root, "trace", "trace") : traceDefault;
        long balance = money(root.path("person"), "account_balance",
                "person.account_balance", 0);
        Accumulators acc;
        int year = visits.isEmpty() ? 2000 : visits.get(0).date().getYear();
        JsonNode a = root.get("accumulators");
        if (a == null) {
            acc = Accumulators.start(year, balance);
        } else {
            acc = accumulators(a, year, balance);
        }
        return new CalcRequest(pack, person, visits, indexes, acc, trace);
    }

    private Person person(JsonNode p) {
        known(p, "person.", Set.of("scheme", "category", "employment", "birth_date", "enrolled_since",
                "contribution_level", "account_balance", "insured", "arrears"));
        Scheme scheme = choice(p, "scheme", "person.scheme", Scheme::of, Scheme.keys(), null);
        Category category = choice(p, "category", "person.category", Category::of, Category.keys(), Category.GENERAL);
        Employment employment = choice(p, "employment", "person.employment", Employment::of, Employment.keys(),
                Employment.IN_SERVICE);
        LocalDate birth = date(p, "birth_date", "person.birth_date", false);
        LocalDate since = date(p, "enrolled_since", "person.enrolled_since", false);
        int level = 1;
        if (p.has("contribution_level")) {
            JsonNode c = p.get("contribution_level");
            if (!c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() < 1 || c.asInt() > 2) {
                throw new CalcInputException("person.contribution_level: must be 1 or 2, got " + c);
            }
            level = c.asInt();
        }
        boolean insured = !p.has("insured") || bool(p, "insured", "person.insured");
        boolean arrears = p.has("arrears") && bool(p, "arrears", "person.arrears");
        if (scheme == null && insured) throw new CalcInputException("person.scheme: required (" + Scheme.keys() + ")");
        if (birth != null && since != null && since.isBefore(birth)) {
            throw new CalcInputException("person.enrolled_since: " + since + " is before birth_date " + birth);
        }
        return new Person(scheme == null ? Scheme.RESIDENT : scheme, category, employment,
                birth == null ? LONG_AGO : birth, since == null ? LONG_AGO : since,
                level == 1 ? Contribution.CONTRIBUTION_1 : Contribution.CONTRIBUTION_2, insured, arrears);
    }

    /** One visit of the calc format; {@code path} prefixes field names in errors (e.g. "visits[0]"). */
    public Visit visit(JsonNode v, String path, Catalogue catalogue) {
        return visit(v, path, catalogue, null);
    }

    /** As {@link #visit(JsonNode, String, Catalogue)}; {@code level}, when given, is the institution's and wins. */
    public Visit visit(JsonNode v, String path, Catalogue catalogue, Level level) {
        if (!v.isObject()) throw new CalcInputException(path + ": expected an object");
        known(v, path + ".", Set.of("date", "type", "institution_level", "diagnoses", "emergency_case", "lines"));
        LocalDate date = date(v, "date", path + ".date", true);
        VisitType type = choice(v, "type", path + ".type", VisitType::of, VisitType.keys(), null);
        if (type == null) throw new CalcInputException(path + ".type: required (" + VisitType.keys() + ")");
        Level given = choice(v, "institution_level", path + ".institution_level", Level::of, Level.keys(), null);
        if (level == null) level = given;
        if (level == null) throw new CalcInputException(path + ".institution_level: required (" + Level.keys() + ")");
        List<String> dx = new ArrayList<>();
        JsonNode d = v.get("diagnoses");
        if (d != null) {
            if (!d.isArray()) throw new CalcInputException(path + ".diagnoses: expected a list of ICD-10 codes");
            for (JsonNode c : d) {
                if (!c.isTextual() || c.asText().isBlank()) throw new CalcInputException(path + ".diagnoses: codes are non-empty strings");
                dx.add(c.asText().trim().toUpperCase());
            }
        }
        EmergencyCase ec = choice(v, "emergency_case", path + ".emergency_case", EmergencyCase::of, EmergencyCase.keys(),
                EmergencyCase.NONE);
        JsonNode lines = v.get("lines");
        if (lines == null || !lines.isArray()) throw new CalcInputException(path + ".lines: required, a list of fee lines");
        List<FeeLine> out = new ArrayList<>();
        int i = 0;
        for (JsonNode l : lines) out.add(line(l, path + ".lines[" + i++ + "]", catalogue));
        return new Visit(date, type, level, dx.toArray(new String[0]), ec, out.toArray(new FeeLine[0]));
    }

    private FeeLine line(JsonNode l, String path, Catalogue catalogue) {
        if (!l.isObject()) throw new CalcInputException(path + ": expected an object");
        known(l, path + ".", Set.of("code", "class", "amount", "self_pay_first_ratio", "over_limit", "comorbidity",
                "quantity", "unit_price", "name"));
        String code = l.has("code") ? text(l, "code", false) : null;
        Catalogue.Item item = code == null ? null : catalogue.find(code);
        LineClass cls = choice(l, "class", path + ".class", LineClass::of, LineClass.keys(), null);
        if (cls == null) {
            if (code == null) throw new CalcInputException(path + ": give a class (A|B|C) or a catalogue code");
            if (item == null) throw new CalcInputException(path + ".code: '" + code + "' is not in the catalogue; give its class");
            cls = item.lineClass();
        }
        long amount;
        long overLimit = money(l, "over_limit", path + ".over_limit", 0);
        if (l.has("quantity") || l.has("unit_price")) {
            BigDecimal q = decimal(l, "quantity", path + ".quantity", true);
            BigDecimal price = decimal(l, "unit_price", path + ".unit_price", true);
            if (q.signum() < 0) throw new CalcInputException(path + ".quantity: must not be negative");
            if (price.signum() < 0) throw new CalcInputException(path + ".unit_price: must not be negative");
            BigDecimal total = q.multiply(price);
            if (l.has("amount")) {
                amount = money(l, "amount", path + ".amount", 0);
                if (total.compareTo(Money.yuan(amount)) != 0) {
                    throw new CalcInputException(path + ".amount: " + Money.format(amount) + " is not quantity × unit_price = "
                            + total.stripTrailingZeros().toPlainString());
                }
            } else {
                amount = toFen(total.setScale(2, java.math.RoundingMode.HALF_UP), path + ".amount");
            }
            if (item != null && item.priceLimitFen() >= 0 && !l.has("over_limit")) {
                BigDecimal excess = price.subtract(Money.yuan(item.priceLimitFen()));
                if (excess.signum() > 0) {
                    overLimit = toFen(excess.multiply(q).setScale(2, java.math.RoundingMode.HALF_UP), path + ".over_limit");
                }
            }
        } else {
            if (!l.has("amount")) throw new CalcInputException(path + ".amount: required");
            amount = money(l, "amount", path + ".amount", 0);
        }
        if (overLimit > amount) throw new CalcInputException(path + ".over_limit: " + Money.format(overLimit) + " exceeds the amount " + Money.format(amount));
        int ratio = -1;
        if (l.has("self_pay_first_ratio")) {
            BigDecimal r = decimal(l, "self_pay_first_ratio", path + ".self_pay_first_ratio", true);
            if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new CalcInputException(path + ".self_pay_first_ratio: " + Echo.number(r) + " is outside [0,1]");
            }
            try {
                ratio = Money.ppm(r);
            } catch (ArithmeticException e) {
                throw new CalcInputException(path + ".self_pay_first_ratio: " + e.getMessage());
            }
        } else if (item != null && item.lineClass() == LineClass.B && cls == LineClass.B) {
            ratio = item.selfPayFirstPpm();
        }
        boolean comorbidity = l.has("comorbidity") && bool(l, "comorbidity", path + ".comorbidity");
        return new FeeLine(code, cls, amount, ratio, overLimit, comorbidity);
    }

    private Accumulators accumulators(JsonNode a, int year, long balance) {
        if (!a.isObject()) throw new CalcInputException("accumulators: expected an object");
        String p = "accumulators.";
        Set<String> names = new java.util.LinkedHashSet<>(List.of("year"));
        for (Accumulator k : Accumulator.values()) if (k != Accumulator.ACCOUNT_BALANCE) names.add(k.calcName());
        known(a, p, names);
        int y = a.has("year") ? a.get("year").asInt() : year;
        if (a.has("year") && !a.get("year").isIntegralNumber()) throw new CalcInputException("accumulators.year: expected a year");
        if (y > year) throw new CalcInputException("accumulators.year: " + y + " is after the first visit's year " + year);
        Accumulators.Builder b = Accumulators.builder(y).set(Accumulator.ACCOUNT_BALANCE, balance);
        for (Accumulator k : Accumulator.values()) {
            if (k == Accumulator.ACCOUNT_BALANCE) continue;
            String name = k.calcName();
            b.set(k, k.unit() == Accumulator.Unit.YEAR ? (a.has(name) ? a.get(name).asInt() : 0) : money(a, name, p + name, 0));
        }
        return b.build();
    }

    // ---------------------------------------------------------------- field helpers

    private static void known(JsonNode node, String prefix, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new CalcInputException(prefix + n + ": unknown field (expected one of: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonNode obj(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new CalcInputException(field + ": required");
            return null;
        }
        if (!v.isObject()) throw new CalcInputException(field + ": expected an object");
        return v;
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new CalcInputException(field + ": required");
            return null;
        }
        if (!v.isTextual()) throw new CalcInputException(field + ": expected a string");
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (!v.isBoolean()) throw new CalcInputException(path + ": expected true or false, got " + Echo.cut(v.toString()));
        return v.asBoolean();
    }

    private static <T> T choice(JsonNode node, String field, String path, Function<String, T> of, String keys, T dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return dflt;
        T t = v.isTextual() ? of.apply(v.asText()) : null;
        if (t == null) throw new CalcInputException(path + ": unknown value " + Echo.cut(v.toString()) + " (expected " + keys + ")");
        return t;
    }

    private static LocalDate date(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new CalcInputException(path + ": required (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new CalcInputException(path + ": " + Echo.cut(v.toString()) + " is not a date (YYYY-MM-DD)");
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new CalcInputException(path + ": required");
            return null;
        }
        BigDecimal d;
        if (v.isNumber()) {
            // a double beyond its range (1e309) is infinite: too large, not a server error
            if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
                throw new CalcInputException(path + ": " + Echo.cut(v.asText()) + " is too large");
            }
            d = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                d = new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new CalcInputException(path + ": \"" + Echo.cut(v.asText()) + "\" is not a number");
            }
        } else {
            throw new CalcInputException(path + ": expected a number, got " + v.getNodeType().name().toLowerCase());
        }
        // bounded before anything converts it: 1e100000000 written out is 100 MB
        if (Echo.integerDigits(d) > 15) throw new CalcInputException(path + ": " + Echo.number(d) + " is too large");
        if (d.scale() > 40 && d.stripTrailingZeros().scale() > 40) {
            throw new CalcInputException(path + ": " + Echo.number(d) + " has too many decimals");
        }
        return d;
    }

    private static long money(JsonNode node, String field, String path, long dflt) {
        BigDecimal d = decimal(node, field, path, false);
        if (d == null) return dflt;
        if (d.signum() < 0) throw new CalcInputException(path + ": must not be negative, got " + Echo.number(d));
        return toFen(d, path);
    }

    private static long toFen(BigDecimal d, String path) {
        try {
            long fen = Money.fen(d);
            if (fen > 100_000_000_000L) throw new CalcInputException(path + ": " + Echo.number(d) + " is beyond one billion yuan");
            return fen;
        } catch (ArithmeticException e) {
            throw new CalcInputException(path + ": " + Echo.number(d) + " has more than two decimals (fen)");
        }
    }
}
