package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.e;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.Bibliography;

/**
 * The report's last section: the full reference of every published work its sources cite — the method's, the reforms'
 * changed parameters' and the calibration's — from the bibliography the engine carries (policies/bibliography.yaml,
 * docs/bibliography.md), so a reader can check each figure against its document.
 */
final class WorksCited {

    private WorksCited() {
    }

    /** Every source the report shows, the method's note first. */
    static List<String> sources(EvaluationResult r, ReportText t) {
        List<String> sources = new ArrayList<>();
        sources.add(t.t("note.method"));
        if (!r.hospitals().isEmpty()) sources.add(t.t("hospitals.intro"));
        for (RunContext c : r.contexts().values()) {
            if (c.differences() != null) for (RunContext.Change x : c.differences()) sources.add(x.source());
            for (RunContext.Calibrated x : c.calibration()) sources.add(x.source());
        }
        return sources;
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        List<Bibliography.Work> works = Bibliography.standard().cited(sources(r, t));
        if (works.isEmpty()) return;
        b.append("<section><h2>").append(e(t.t("worksCited"))).append("</h2><ul class=\"works\">");
        for (Bibliography.Work w : works) b.append("<li>").append(e(w.reference())).append("</li>");
        b.append("</ul></section>\n");
    }
}
