package org.openyibao.platform.policy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.openyibao.engine.policy.Bibliography;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.web.ApiException;

/** The policy packs the server settles with, loaded once from {@code yibao.policies}. */
@Component
public class PolicyPacks {
    private final Path root;
    private final Map<String, PolicyPack> packs = new ConcurrentHashMap<>();

    public PolicyPacks(@Value("${yibao.policies:policies}") String root) {
        this.root = Paths.get(root);
    }

    /** The policies directory. */
    public Path root() {
        return root;
    }

    /** The works the packs' sources cite (policies/bibliography.yaml, or the engine's copy). */
    public Bibliography bibliography() {
        return Bibliography.of(root);
    }

    /** The region packs under the policies directory, by name (base packs left out). */
    public List<String> regions() {
        return PackLoader.regions(root);
    }

    public PolicyPack pack(String name) {
        return packs.computeIfAbsent(name, n -> {
            Path dir = root.resolve(n);
            if (!dir.resolve("pack.yaml").toFile().isFile()) {
                throw ApiException.badRequest("policy_pack", "no policy pack '" + n + "' under " + root);
            }
            if (PackLoader.isBase(dir)) {
                throw ApiException.badRequest("policy_pack", "'" + n + "' is a base pack that regions extend, not a region's pack");
            }
            return PackLoader.load(dir);
        });
    }
}
