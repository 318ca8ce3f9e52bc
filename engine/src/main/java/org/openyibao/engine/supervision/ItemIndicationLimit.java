package org.openyibao.engine.supervision;

/** An item covered only for some diagnoses (限适应症) billed on a visit with none of them. */
public final class ItemIndicationLimit extends ItemLimit {
    @Override
    String breach(ClaimVisit visit, Knowledge.Item item) {
        if (item.indications().isEmpty() || visit.hasDiagnosis(item.indications())) return null;
        return "covered only with a diagnosis " + String.join("/", item.indications()) + "*, the visit has "
                + (visit.diagnoses().isEmpty() ? "none" : String.join(", ", visit.diagnoses()));
    }

    @Override
    String limit(Knowledge.Item item) {
        return "diagnoses " + String.join("/", item.indications()) + "*";
    }
}
