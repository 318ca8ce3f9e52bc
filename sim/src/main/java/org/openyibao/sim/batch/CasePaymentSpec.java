package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.util.Optional;

import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.TableSelection;

/**
 * How a run pays inpatient cases (docs/sim.md#case-payment): the method, the grouping tables and the region's selection
 * of them, or one table version named for the whole run ({@code version}, for a year before the region's first).
 */
public record CasePaymentSpec(PaymentMethod method, GroupingTables tables, TableSelection selection, String version) {
    /** Fee for each service: nothing grouped. */
    public static final CasePaymentSpec FEE_FOR_SERVICE = new CasePaymentSpec(PaymentMethod.FEE_FOR_SERVICE, null, null, null);

    public CasePaymentSpec {
        if (method == null) throw new IllegalArgumentException("the payment method is missing");
        if (method != PaymentMethod.FEE_FOR_SERVICE && tables == null) {
            throw new IllegalArgumentException(method.key + " needs the grouping tables");
        }
        if (version != null && tables != null && tables.version(version).method() != method.grouping) {
            throw new IllegalArgumentException("--tables: " + version + " is a " + tables.version(version).method().key
                    + " table, not " + method.grouping.key);
        }
    }

    /** The table version that groups a case discharged on {@code discharge}, empty when none is in force. */
    public Optional<String> versionOn(LocalDate discharge) {
        if (version != null) return Optional.of(version);
        return selection == null ? Optional.empty() : selection.version(method.grouping, discharge);
    }

    public Grouper grouper(String v) {
        return tables.grouper(v);
    }
}
