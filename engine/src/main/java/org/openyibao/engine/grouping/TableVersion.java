package org.openyibao.engine.grouping;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One grouping table version as its {@code version.yaml} describes it (docs/grouping.md): its method, since when it is
 * published, its source, and its files by role ({@code mdc}, {@code drg}, {@code core}, {@code vectors}, …). A version
 * that {@code extends:} another takes the other's files and overrides those it lists itself, so packs share by
 * extending, never by copying.
 *
 * @param layout how its files are laid out: {@link #OPENYIBAO} (our CSV files) or {@link #OPENDRG} (OpenDRG's DATA
 *               directory, read by {@link OpenDrgLoader})
 * @param extendsVersion the version it extends, or null
 * @param files each role's file, resolved through the {@code extends:} chain
 */
public record TableVersion(String version, Method method, String layout, String name, LocalDate from, String source,
                           String extendsVersion, Path dir, Map<String, Path> files) {
    public static final String OPENYIBAO = "openyibao";
    public static final String OPENDRG = "opendrg";

    public TableVersion {
        files = Map.copyOf(files);
    }

    /** The file of {@code role}, or null when the version (and those it extends) lists none. */
    public Path file(String role) {
        return files.get(role);
    }
}
