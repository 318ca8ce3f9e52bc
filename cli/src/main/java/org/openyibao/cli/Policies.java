package org.openyibao.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyException;
import org.openyibao.engine.policy.PolicyPack;

/**
 * Finds and loads the policy packs under the policies directory ({@code policies/<region>/}). An unknown
 * region (or a base pack) is {@code unknown_policy}, an invalid pack {@code invalid_policy}.
 */
public final class Policies {
    private final Path root;
    private final Map<String, PolicyPack> loaded = new ConcurrentHashMap<>();

    public Policies(Path root) {
        this.root = root;
    }

    /** -Dyibao.policies, then $YIBAO_POLICIES, then ./policies. */
    public static Policies standard() {
        String p = System.getProperty("yibao.policies");
        if (p == null) p = System.getenv("YIBAO_POLICIES");
        return new Policies(Paths.get(p == null ? "policies" : p));
    }

    public Path root() {
        return root;
    }

    public PolicyPack pack(String region) {
        return loaded.computeIfAbsent(region, r -> {
            try {
                return PackLoader.load(root, r);
            } catch (PolicyException e) {
                throw new DomainException(EngineError.INVALID_POLICY, null, "policy pack " + r + " is invalid: "
                        + e.getMessage() + " (run: yibao policy check " + root.resolve(r) + ")");
            }
        });
    }

    public PolicyPack pack(String region, Path reform) {
        PolicyPack base = pack(region);
        if (reform == null) return base;
        if (!Files.isRegularFile(reform)) throw new UserError("reform file not found: " + reform);
        try {
            return PackLoader.applyReform(base, reform);
        } catch (PolicyException e) {
            throw new UserError("reform " + reform + " is invalid: " + e.getMessage());
        }
    }
}
