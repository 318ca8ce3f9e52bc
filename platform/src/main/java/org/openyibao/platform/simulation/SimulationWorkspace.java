package org.openyibao.platform.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.openyibao.engine.error.Echo;
import org.openyibao.platform.web.ApiException;
import org.openyibao.sim.batch.Simulation;

/**
 * Where the simulations' files live ({@code yibao.simulation.dir}): {@code populations/<name>/} as {@code yibao
 * generate} writes them, {@code runs/<job>/} as {@code yibao simulate} writes them, {@code reports/<job>/} as {@code
 * yibao evaluate} writes them, and {@code overlays/*.yaml}, reform overlays the agency adds to the shipped scenarios
 * ({@code policies/<region>/scenarios/*.yaml}). Names are checked before they become paths: nothing outside.
 */
@Component
public class SimulationWorkspace {
    /** A population's name: what the page accepts as a directory name. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}");
    private final Path root;
    private final Path policies;

    public SimulationWorkspace(@Value("${yibao.simulation.dir:data/simulations}") String root,
                               @Value("${yibao.policies:policies}") String policies) {
        this.root = Paths.get(root);
        this.policies = Paths.get(policies);
    }

    public Path root() {
        return root;
    }

    Path population(String name) {
        return root.resolve("populations").resolve(name);
    }

    Path run(long job) {
        return root.resolve("runs").resolve(Long.toString(job));
    }

    Path report(long job) {
        return root.resolve("reports").resolve(Long.toString(job));
    }

    /** Every directory under populations/, usable or not, by name. */
    public List<Population> populations() {
        Path dir = root.resolve("populations");
        if (!Files.isDirectory(dir)) return List.of();
        List<Population> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) out.add(describe(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The population {@code name}, usable by a simulation, or a refusal naming the field {@code population}. */
    Population usablePopulation(String name) {
        if (name == null || name.isBlank()) throw ApiException.badRequest("population", "population: choose a population");
        if (!NAME.matcher(name).matches() || !Files.isDirectory(population(name))) {
            throw ApiException.badRequest("population", "population: no population named '" + Echo.cut(name, 60) + "' under "
                    + root.resolve("populations"));
        }
        Population p = describe(name, population(name));
        if (!p.usable()) throw ApiException.badRequest("population", "population: " + p.problem());
        return p;
    }

    private Population describe(String name, Path dir) {
        try {
            JsonNode r = Simulation.region(dir);
            return new Population(name, r.path("region").asText(), r.path("year").asInt(), r.path("persons").asLong(),
                    r.path("households").asLong(), r.path("visits").asLong(), null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // the message names the absolute directory: the page says the population's name instead
            String why = String.valueOf(e.getMessage()).replace(dir.toString(), name).replace(dir.toAbsolutePath().toString(), name);
            return new Population(name, null, 0, 0, 0, 0, Echo.cut(why, 300));
        }
    }

    /** The shipped scenarios of every region, then the work directory's overlays, by id. */
    public List<Overlay> overlays() {
        List<Overlay> out = new ArrayList<>();
        if (Files.isDirectory(policies)) {
            try (Stream<Path> regions = Files.list(policies)) {
                for (Path region : regions.filter(p -> Files.isDirectory(p.resolve("scenarios"))).sorted().toList()) {
                    String r = region.getFileName().toString();
                    for (Path f : yamls(region.resolve("scenarios"))) out.add(new Overlay(r + "/" + stem(f), r, f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path f : yamls(root.resolve("overlays"))) out.add(new Overlay("overlays/" + stem(f), null, f));
        return out;
    }

    Optional<Overlay> overlay(String id) {
        return overlays().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    private static List<Path> yamls(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }
}
