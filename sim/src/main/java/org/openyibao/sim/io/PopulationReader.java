package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.openyibao.sim.io.Parquet.CloseableIterator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Institution;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * Reads a population directory written by {@code yibao generate} (Parquet): the institutions, the
 * number of parts, and part by part the households with their members and visits, joined from the
 * three tables (they are sorted the same way, docs/sim.md). Parts are independent: read them in parallel.
 */
public final class PopulationReader {
    private final Path dir;
    private final int parts;

    public PopulationReader(Path dir) {
        this.dir = dir;
        Path households = dir.resolve(PopulationFiles.HOUSEHOLDS);
        if (!Files.isDirectory(households)) throw new IllegalArgumentException(dir + " is not a population (no households/)");
        try (Stream<Path> s = Files.list(households)) {
            parts = (int) s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() { return dir; }

    public int parts() { return parts; }

    public List<Institution> institutions() {
        List<Institution> out = new ArrayList<>();
        try (CloseableIterator<Institution> it = Parquet.read(PopulationFiles.institutions(dir, Format.PARQUET),
                RowReaders::institutions)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** The households of part {@code k} in order, each with its members and their visits. Close it. */
    public CloseableIterator<Household> part(int k) {
        CloseableIterator<Household> hs = Parquet.read(PopulationFiles.part(dir, PopulationFiles.HOUSEHOLDS, k, Format.PARQUET),
                RowReaders::households);
        CloseableIterator<Member> ps = Parquet.read(PopulationFiles.part(dir, PopulationFiles.PERSONS, k, Format.PARQUET),
                RowReaders::persons);
        CloseableIterator<VisitRecord> vs = Parquet.read(PopulationFiles.part(dir, PopulationFiles.VISITS, k, Format.PARQUET),
                RowReaders::visits);
        return new CloseableIterator<>() {
            Member person = ps.hasNext() ? ps.next() : null;
            VisitRecord visit = vs.hasNext() ? vs.next() : null;

            @Override public boolean hasNext() { return hs.hasNext(); }

            @Override public Household next() {
                if (!hs.hasNext()) throw new NoSuchElementException();
                Household h = hs.next();
                List<Member> members = new ArrayList<>(h.size());
                while (person != null && person.householdId() == h.householdId()) {
                    List<VisitRecord> visits = new ArrayList<>();
                    while (visit != null && visit.personId() == person.personId()) {
                        visits.add(visit);
                        visit = vs.hasNext() ? vs.next() : null;
                    }
                    Member p = person;
                    members.add(new Member(p.personId(), p.householdId(), p.sex(), p.birthDate(), p.insured(), p.scheme(),
                            p.employment(), p.category(), p.contribution(), p.enrolledSince(), p.arrears(), p.wageBaseFen(),
                            p.accountBalanceFen(), visits));
                    person = ps.hasNext() ? ps.next() : null;
                }
                return new Household(h.householdId(), h.district(), h.agricultural(), h.size(), h.incomeFen(),
                        h.spendingFen(), h.foodFen(), members);
            }

            @Override public void close() {
                try (hs; ps; vs) {
                    // all three files
                }
            }
        };
    }

    /** The visits of part {@code k} alone, in order (for readers that need no join). Close it. */
    public CloseableIterator<VisitRecord> visits(int k) {
        return Parquet.read(PopulationFiles.part(dir, PopulationFiles.VISITS, k, Format.PARQUET), RowReaders::visits);
    }
}
