package org.openyibao.platform.console.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.explorer.OverlayCheck;
import org.openyibao.engine.policy.explorer.OverlayReport;
import org.openyibao.engine.policy.explorer.PolicyChange;
import org.openyibao.engine.policy.explorer.PolicyDifference;
import org.openyibao.engine.policy.explorer.PolicyValue;
import org.openyibao.engine.policy.explorer.PolicyValues;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.web.ApiException;

/**
 * The policy explorer's pages (issue 11) over the packs the server settles with ({@link PolicyPacks}): a region's
 * parameters on a date, the difference between two dates, a reform overlay checked on a pack. The engine's pure
 * model decides ({@link PolicyValues}, {@link PolicyDifference}, {@link OverlayCheck}); this service picks the pack,
 * the default region and dates, and refuses a region that is not one. Nothing is stored: an overlay checked here
 * never changes the server's packs.
 */
@Service
public class PolicyExplorerService {
    private final PolicyPacks packs;
    private final RegistryService registry;
    private final Clock clock;

    public PolicyExplorerService(PolicyPacks packs, RegistryService registry, Clock clock) {
        this.packs = packs;
        this.registry = registry;
        this.clock = clock;
    }

    /** The region packs one may explore. */
    public List<String> regions() {
        return packs.regions();
    }

    /** The region asked for, or by default the pack of the platform's first pooling region (else the first pack). */
    public String region(String asked) {
        List<String> known = regions();
        if (asked != null && !asked.isBlank()) {
            if (!known.contains(asked)) {
                throw ApiException.badRequest("region", "region: no policy pack '" + cut(asked) + "' (known: "
                        + String.join(", ", known) + ")");
            }
            return asked;
        }
        for (Region r : registry.regions()) if (known.contains(r.policyPack())) return r.policyPack();
        if (known.isEmpty()) throw ApiException.badRequest("region", "region: no policy packs on this server");
        return known.get(0);
    }

    public PolicyPack pack(String region) {
        return packs.pack(region(region));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The pack's values on {@code date}, grouped as the pack groups them (by the node that holds them), in path order. */
    public Map<String, List<PolicyValue>> valuesOn(PolicyPack pack, LocalDate date) {
        Map<String, List<PolicyValue>> groups = new LinkedHashMap<>();
        for (PolicyValue v : PolicyValues.on(pack, date)) {
            groups.computeIfAbsent(v.group(), g -> new java.util.ArrayList<>()).add(v);
        }
        return groups;
    }

    public List<PolicyChange> difference(PolicyPack pack, LocalDate from, LocalDate to) {
        return PolicyDifference.between(pack, from, to);
    }

    /**
     * The pack's latest change on or before today: {the day before it, the day it took effect}; the pack's first
     * date twice when it has changed only once.
     */
    public LocalDate[] latestChange(PolicyPack pack) {
        List<LocalDate> dates = pack.changeDates();
        LocalDate today = today();
        LocalDate last = dates.get(0);
        for (LocalDate d : dates) if (!d.isAfter(today)) last = d;
        return new LocalDate[] {last.equals(dates.get(0)) ? last : last.minusDays(1), last};
    }

    /** The overlay {@code text} checked on {@code pack}: its problems at their lines, or what it changes on {@code date}. */
    public OverlayReport check(PolicyPack pack, OverlayText overlay, LocalDate date) {
        return OverlayCheck.check(pack, overlay.name(), overlay.text(), date, packs.bibliography());
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
