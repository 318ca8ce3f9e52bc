package org.openyibao.engine.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.engine.settlement.TraceEntry;
import org.openyibao.engine.settlement.TraceWords;
import org.openyibao.engine.settlement.Visit;

/**
 * Writes settlements with the national field names ({@link SettlementField}, in its order), amounts in yuan with two
 * decimals.
 */
public final class CalcWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private CalcWriter() {}

    public static ObjectNode write(CalcRequest request, List<Settlement> settlements) {
        ObjectNode root = F.objectNode();
        ObjectNode policy = root.putObject("policy");
        policy.put("region", request.pack().region());
        ArrayNode reforms = policy.putArray("reforms");
        request.pack().reforms().forEach(reforms::add);
        ArrayNode out = root.putArray("settlements");
        for (int i = 0; i < settlements.size(); i++) {
            out.add(settlement(request.visits().get(i), settlements.get(i)));
        }
        if (!settlements.isEmpty()) root.set("accumulators", accumulators(settlements.get(settlements.size() - 1).after()));
        return root;
    }

    public static ObjectNode settlement(Visit visit, Settlement s) {
        ObjectNode o = F.objectNode();
        o.put("date", visit.date().toString());
        o.put("type", visit.type().key);
        o.put("institution_level", visit.level().key);
        for (SettlementField f : SettlementField.values()) o.put(f.national(), decimal(f, s.value(f)));
        o.put("eligible", s.eligible());
        if (!s.eligible()) {
            o.put("reason_code", s.ineligibility().code());
            o.put("reason", s.ineligibility().explanation());
        }
        ArrayNode trace = o.putArray("trace");
        for (TraceEntry t : s.trace()) trace.add(trace(t));
        return o;
    }

    /**
     * A national field's value as calc and the national interface write it: an amount in yuan with two decimals,
     * the pooling ratio with four (numeric 5,4, INTERFACE §1.1).
     */
    public static BigDecimal decimal(SettlementField field, long value) {
        return field.unit() == SettlementField.Unit.PPM
                ? BigDecimal.valueOf(value, 6).setScale(4, RoundingMode.HALF_UP) : Money.yuan(value);
    }

    static JsonNode trace(TraceEntry t) {
        ObjectNode e = F.objectNode();
        e.put("rule", t.rule());
        e.put("explanation", t.explanation());
        if (t.words() != null) e.set("words", words(t.words()));
        money(e, "amount", t.amountFen());
        ArrayNode params = e.putArray("parameters");
        for (Cited c : t.parameters()) {
            ObjectNode p = params.addObject();
            p.put("path", c.path());
            p.put("value", c.value());
            p.put("since", c.since().toString());
            p.put("source", c.source());
        }
        return e;
    }

    /** The words as data: the kind, then each figure by name with its unit (yuan, ratio, count; null yuan: no cap). */
    static JsonNode words(TraceWords w) {
        ObjectNode o = F.objectNode();
        o.put("kind", w.kind());
        ArrayNode args = o.putArray("figures");
        for (TraceWords.Figure f : w.figures()) {
            ObjectNode a = args.addObject();
            a.put("name", f.name());
            switch (f.unit()) {
                case FEN -> a.put("yuan", f.value() == Money.UNLIMITED ? null : Money.yuan(f.value()));
                case PPM -> a.put("ratio", Money.ratio((int) f.value()));
                case COUNT -> a.put("count", f.value());
            }
        }
        return o;
    }

    static ObjectNode accumulators(Accumulators a) {
        ObjectNode o = F.objectNode();
        o.put("year", a.year());
        for (Accumulator k : Accumulator.values()) {
            if (k.unit() == Accumulator.Unit.YEAR) o.put(k.calcName(), (int) a.value(k));
            else money(o, k.calcName(), a.value(k));
        }
        return o;
    }

    private static void money(ObjectNode o, String field, long fen) {
        o.put(field, Money.yuan(fen));
    }
}
