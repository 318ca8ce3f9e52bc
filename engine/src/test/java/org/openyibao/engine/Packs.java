package org.openyibao.engine;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/** The shipped packs, for tests. */
public final class Packs {
    private static PolicyPack zhanjiang;

    private Packs() {}

    public static Path root() {
        return Paths.get(System.getProperty("yibao.policies", "../policies"));
    }

    public static synchronized PolicyPack zhanjiang() {
        if (zhanjiang == null) zhanjiang = PackLoader.load(root().resolve("zhanjiang"));
        return zhanjiang;
    }
}
