package org.openyibao.platform.settlement;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;

/**
 * What a settlement changed in the person's year-to-date accumulators and a cancellation gives back,
 * stored with the settlement ({@code settlement.acc_delta}, JSON keyed by {@link Accumulator#column()}).
 *
 * <p>The yearly totals give back all the settlement added. The village outpatient card gives back only
 * what it paid for the visit: the year's credit was owed whether or not the visit stands, so the card
 * keeps the credit and its year (issue 9, defect 1: the balance used to be restored without the
 * year, losing that year's credit for good). The account balance lives with the account and is
 * given back by the ledger's reversal, not here.
 */
public final class AccumulatorDelta {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Accumulator, Long> changes;

    private AccumulatorDelta(Map<Accumulator, Long> changes) {
        this.changes = changes;
    }

    /** The change {@code settlement} made to {@code before} (the person's totals as read, any year). */
    public static AccumulatorDelta of(Accumulators before, Settlement settlement) {
        Accumulators start = before.forYear(settlement.after().year());
        Map<Accumulator, Long> changes = new EnumMap<>(Accumulator.class);
        for (Accumulator a : Accumulator.values()) {
            long change = switch (a) {
                case CARD_BALANCE -> -settlement.outpatientCardPaid();
                case CARD_YEAR, ACCOUNT_BALANCE -> 0;
                default -> settlement.after().value(a) - start.value(a);
            };
            if (change != 0) changes.put(a, change);
        }
        return new AccumulatorDelta(changes);
    }

    /** Reads a stored delta; unknown keys (none are written) are refused. */
    public static AccumulatorDelta parse(String json) {
        Map<Accumulator, Long> changes = new EnumMap<>(Accumulator.class);
        if (json == null) return new AccumulatorDelta(changes);
        try {
            Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(json).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                Accumulator a = Accumulator.ofColumn(f.getKey());
                if (a == null || !a.inPersonYear()) throw new IllegalStateException("stored delta names no accumulator: " + f.getKey());
                changes.put(a, f.getValue().asLong());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored delta is not JSON", e);
        }
        return new AccumulatorDelta(changes);
    }

    /** The changed accumulators with their changes (fen); the unchanged are absent. */
    public Map<Accumulator, Long> changes() {
        return Map.copyOf(changes);
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        changes.forEach((a, change) -> o.put(a.column(), change));
        return o.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
