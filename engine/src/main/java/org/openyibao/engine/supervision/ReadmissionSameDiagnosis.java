package org.openyibao.engine.supervision;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A stay for the same diagnosis (the same ICD-10 category, its first three characters) as an earlier stay that ended
 * at most {@code days} days before this one began, in the same hospital or another (分解住院, decomposed admission).
 * The gap is the admission date minus the earlier discharge date; a gap of exactly {@code days} is a finding.
 */
public final class ReadmissionSameDiagnosis implements Check {
    @Override
    public List<String> parameters() {
        return List.of("days");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        if (!v.stay() || v.principalDiagnosis().length() < 3) return List.of();
        long days = rule.parameter("days");
        String category = v.principalDiagnosis().substring(0, 3);
        List<Finding> out = new ArrayList<>();
        for (ClaimVisit earlier : s.history().visits()) {
            if (!earlier.stay() || earlier.id().equals(v.id()) || earlier.discharge().isAfter(v.admission())) continue;
            if (!earlier.principalDiagnosis().startsWith(category)) continue;
            long gap = ChronoUnit.DAYS.between(earlier.discharge(), v.admission());
            if (gap > days) continue;
            String where = earlier.institutionId().equals(v.institutionId()) ? "the same hospital" : "another hospital (" + earlier.institutionId() + ")";
            out.add(new Finding("readmitted for " + category + " " + gap + " days after stay " + earlier.id() + " at "
                    + where + " ended on " + earlier.discharge(), List.of(), List.of(earlier.id()), "within " + days + " days"));
        }
        return out;
    }
}
