package org.openyibao.engine.supervision;

import java.util.List;

/**
 * A stay far longer than the norm for its principal diagnosis at its level (住院天数异常): longer than the norm times
 * {@code ratio_ppm} (millionths; 2,000,000 = twice the norm). A stay of exactly that length is not a finding.
 */
public final class LongStay implements Check {
    @Override
    public List<String> parameters() {
        return List.of("ratio_ppm");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        if (!v.stay()) return List.of();
        var norm = s.knowledge().stayNorm(v.principalDiagnosis(), v.level());
        if (norm.isEmpty()) return List.of();
        long ratio = rule.parameter("ratio_ppm");
        long days = v.lengthOfStay();
        // compare days > norm x ratio / 1,000,000 without dividing: days x 1,000,000 > norm x ratio
        if (days * 1_000_000L <= norm.get().days() * ratio) return List.of();
        String limit = Ppm.decimal(norm.get().days() * ratio);
        return List.of(new Finding("stay of " + days + " days for " + v.principalDiagnosis() + ", the norm at "
                + (norm.get().level() == null ? "any level" : norm.get().level().key) + " is " + norm.get().days()
                + " days for " + norm.get().diagnosis() + "*", List.of(), List.of(), "at most " + limit + " days ("
                + Ppm.decimal(ratio) + " × " + norm.get().days() + ")"));
    }
}
