package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.population.Calibration;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;

/**
 * Writes a generated region to a population directory (docs/sim.md): parts made and written in parallel
 * on {@code threads} threads, each part by one thread from its own households, so the files are the same
 * whatever the number of threads. {@code progress} receives the persons written as they go.
 */
public final class RegionWriter {
    private RegionWriter() {}

    public static Calibration write(Generator g, Path out, Format format, int threads, PolicyPack pack,
                                    LongConsumer progress) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        PartWriter.writeInstitutions(out, format, g.institutions());
        Calibration total = new Calibration();
        AtomicInteger nextPart = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "generate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int k = nextPart.getAndIncrement(); k < g.parts(); k = nextPart.getAndIncrement()) {
                        Calibration c = new Calibration();
                        try (PartWriter w = PartWriter.open(out, k, format)) {
                            Iterator<Household> it = g.part(k);
                            while (it.hasNext()) {
                                Household h = it.next();
                                w.write(h);
                                c.add(h, java.time.LocalDate.of(g.year(), 1, 1), pack);
                                if (progress != null) progress.accept(h.size());
                            }
                        }
                        total.merge(c);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        writeRegionJson(g, out, format, total, pack);
        return total;
    }

    private static void writeRegionJson(Generator g, Path out, Format format, Calibration c, PolicyPack pack) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("region", g.region().name());
        json.put("year", g.year());
        json.put("seed", g.seed());
        json.put("persons", c.persons());
        json.put("households", c.households());
        json.put("visits", c.visits());
        json.put("parts", g.parts());
        json.put("format", format.key);
        json.put("generator", Generator.VERSION);
        json.put("policy", pack == null ? null : pack.region());
        json.put("institutions", g.institutions().size());
        json.put("calibration", c.report(g.region().targets()));
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve(PopulationFiles.REGION).toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write region.json", e);
        }
    }
}
