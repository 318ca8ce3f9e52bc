package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.openyibao.platform.fsi.FsiHospitalLoad.Acked;
import org.openyibao.platform.fsi.FsiHospitalLoad.Flow;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.support.TestDatabase;

/**
 * The backup drill of issue 10, the procedure of docs/operations.md ("Backup and restore"): the real server runs as its
 * own OS process on a fresh PostgreSQL database under the hospital load of {@link FsiHospitalLoad}; while settlements
 * are on the wire, {@code pg_dump -Fc} backs the database up; {@code pg_restore} puts the backup into another fresh
 * database. There: the ledger check of {@code yibao ledger check} passes; every settlement acknowledged before the
 * backup began is present with the amounts of its reply (cancelled when its cancellation was acknowledged before the
 * backup); nothing is half-written (the named checks of {@link FsiReconciliation}); every message acknowledged before
 * the backup has its reply recorded, which opens only with the server key; and a server started on the restored
 * database with the same {@code yibao.fsi.key} answers each of those messages, sent again, with its original bytes.
 * Skipped (with a notice) without PostgreSQL or its pg_dump and pg_restore, except on CI.
 */
class FsiBackupRestoreTest {
    static final String KEY = "a backup test server key";
    static final int CLIENTS = 3;
    static final int FLOWS_PER_CLIENT = 8;
    /** The backup starts once this many flows have settled, while another settlement is on the wire. */
    static final int BACKUP_AFTER_FLOWS = 8;
    static final Duration LOAD_WITHIN = Duration.ofSeconds(120);
    static final Duration TOOL_WITHIN = Duration.ofSeconds(60);

    @Test
    void pgDumpUnderLoadRestoredIntoAFreshDatabaseHoldsEverythingAcknowledgedBeforeIt() throws Exception {
        long t0 = System.nanoTime();
        TestDatabase.requirePostgres();
        Path pgDump = TestDatabase.requirePgTool("pg_dump");
        Path pgRestore = TestDatabase.requirePgTool("pg_restore");
        try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.POSTGRES);
             TestDatabase restored = TestDatabase.emptyPostgres()) {
            FsiHospitalLoad.seed(db, KEY);
            Path dir = FsiServerProcess.runDirectory("fsi-backup");          // configuration, logs and the backup
            Path config = FsiServerProcess.writeConfig(dir.resolve("server.yaml"), db.url(), KEY);
            System.out.println("fsi backup test: the servers' configuration, logs and the backup are in " + dir.toAbsolutePath());

            List<FsiServerProcess> servers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            boolean passed = false;
            try {
                FsiServerProcess server = FsiServerProcess.startReady(config, dir.resolve("server.log"));
                servers.add(server);
                FsiLoadClient client = new FsiLoadClient(server.port, FsiHospitalLoad.HOSPITAL, FsiHospitalLoad.PAASID,
                        FsiHospitalLoad.SECRET, Duration.ofSeconds(15)).signIn();
                FsiHospitalLoad load = new FsiHospitalLoad(client, LOAD_WITHIN);
                List<Future<Integer>> done = load.start(pool, CLIENTS, FLOWS_PER_CLIENT);

                // the backup, taken while the clients go on settling
                assertThat(load.awaitSettlingAfter(BACKUP_AFTER_FLOWS, Duration.ofSeconds(60), done))
                        .as("settlements on the wire when the backup starts").isTrue();
                int settlingAtStart = load.settling.get();
                Path backup = dir.resolve("openyibao.dump");
                long backupStarted = System.nanoTime();
                List<String> dump = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--file=" + backup));
                dump.addAll(TestDatabase.pgHostOptions());
                dump.addAll(List.of("-U", "postgres", db.postgresName()));
                run(dump, dir.resolve("pg_dump.log"));
                long backupEnded = System.nanoTime();
                int flows = load.awaitFlows(done);
                assertThat(flows).isEqualTo(CLIENTS * FLOWS_PER_CLIENT);
                server.close();

                // what the hospital had been told before the backup began
                Predicate<Acked> beforeBackup = a -> a.before(backupStarted);
                Collection<Flow> all = load.flows.values();
                List<Acked> ackedBefore = load.recorded(beforeBackup);
                int answeredDuring = load.recorded(a -> !a.before(backupStarted) && a.before(backupEnded)).size();

                // restore into a fresh, empty database
                List<String> restore = new ArrayList<>(List.of(pgRestore.toString(), "--no-owner", "--exit-on-error"));
                restore.addAll(TestDatabase.pgHostOptions());
                restore.addAll(List.of("-U", "postgres", "--dbname=" + restored.postgresName(), backup.toString()));
                run(restore, dir.resolve("pg_restore.log"));

                // -------------------------------------------------------------------------------- the restored database
                LedgerCheck.Result check = FsiReconciliation.assertLedgerCheckPasses(restored.url());
                int present = FsiReconciliation.assertSettledAsAcknowledged(restored.jdbc, all, beforeBackup);
                assertThat(present).as("settlements acknowledged before the backup").isGreaterThanOrEqualTo(BACKUP_AFTER_FLOWS);
                FsiReconciliation.assertNothingHalfWritten(restored.jdbc);
                FsiReconciliation.assertRepliesStored(restored.jdbc, KEY, ackedBefore);
                // the replies are sealed under the server key, which is kept with the backups but not in them
                assertThatThrownBy(() -> new FsiMessages(restored.jdbc, "not the server key")
                        .find(FsiHospitalLoad.HOSPITAL, ackedBefore.get(0).msgid()))
                        .as("a stored reply opened with another key").hasMessageContaining("yibao.fsi.key");

                // what the backup could not hold: settlements acknowledged after it began and committed after its snapshot
                Set<String> inBackup = Set.copyOf(restored.jdbc.queryForList("SELECT setl_id FROM settlement", String.class));
                List<Flow> after = all.stream().filter(f -> !f.settlement().before(backupStarted)).toList();
                long missingAfter = after.stream().filter(f -> !inBackup.contains(f.setlId())).count();

                // the server on the restored database, with the same key: each message acknowledged before the backup,
                // sent again, gets its original reply byte for byte and changes nothing
                Path restoredConfig = FsiServerProcess.writeConfig(dir.resolve("restored.yaml"), restored.url(), KEY);
                FsiServerProcess again = FsiServerProcess.startReady(restoredConfig, dir.resolve("restored.log"));
                servers.add(again);
                client.port(again.port);
                long messages = restored.jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message", Long.class);
                int resent = FsiHospitalLoad.resendAll(client, ackedBefore, pool, CLIENTS);
                assertThat(restored.jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isEqualTo(inBackup.size());
                assertThat(restored.jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message", Long.class)).isEqualTo(messages);

                System.out.printf("fsi backup test (%s): pg_dump -Fc of %.0f KB in %.1f s while %d clients settled (%d settlement(s)"
                                + " on the wire at its start, %d messages answered during it); %d flows (%d cancelled), %d settled"
                                + " before the backup began: all %d restored by pg_restore with their amounts, %d named"
                                + " half-written checks empty, ledger %d entries OK; %d settlements in the backup (%d acknowledged"
                                + " after it began are not: what WAL archiving would keep); %d messages acknowledged before it"
                                + " resent to a server on the restored database with the same key, every reply byte-identical;"
                                + " %.1f s%n",
                        dir, Files.size(backup) / 1024.0, (backupEnded - backupStarted) / 1e9, CLIENTS, settlingAtStart,
                        answeredDuring, flows, all.stream().filter(f -> f.cancellation() != null).count(), present, present,
                        FsiReconciliation.HALF_WRITTEN.size(), check.entries(), inBackup.size(), missingAfter, resent,
                        (System.nanoTime() - t0) / 1e9);
                passed = true;
            } finally {
                pool.shutdownNow();
                for (FsiServerProcess s : servers) s.close();
                pool.awaitTermination(10, TimeUnit.SECONDS);
                if (passed) FsiServerProcess.deleteRecursively(dir); // logs and backup stay in target/fsi-backup when it failed
            }
        }
    }

    /** Runs a PostgreSQL program to its end (bounded); its output goes to {@code log}, shown when it fails. */
    private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        if (!p.waitFor(TOOL_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd.get(0) + " did not finish within " + TOOL_WITHIN);
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }
}
